// kamcanvas_bench: how long reading and analysing a portfolio takes, and how much
// memory it needs. One file per run, so that the peak memory (getrusage's ru_maxrss)
// belongs to that file alone; bench/run.sh runs it over 10k, 100k and 1M accounts.
//   kamcanvas_bench [--repeat N] FILE
#include <malloc.h>
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <limits>
#include <sstream>
#include <string>
#include <vector>

#include "core/analysis.hpp"
#include "core/format.hpp"
#include "core/report_json.hpp"

namespace {

using Clock = std::chrono::steady_clock;

double milliseconds_since(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// Peak resident memory of this process so far, in MiB (Linux gives ru_maxrss in KiB).
double peak_mib() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

// Keeps freed memory for reuse instead of giving it back to the system (glibc only).
void keep_freed_memory() {
#ifdef __GLIBC__
    mallopt(M_MMAP_MAX, 0);
    mallopt(M_TRIM_THRESHOLD, std::numeric_limits<int>::max());
#endif
}

// What writing 100 MiB of memory the process never touched before costs: the price of
// every fresh page in the first analysis.
double first_touch_ms_per_100_mib() {
    constexpr std::size_t kSize = std::size_t{64} << 20;
    const auto start = Clock::now();
    std::vector<char> fresh(kSize, 1);
    volatile char sink = fresh[kSize / 2];
    (void)sink;
    return milliseconds_since(start) * 100.0 / 64.0;
}

bool read_whole_file(const char* path, std::string& out) {
    std::ifstream file(path, std::ios::binary);
    if (!file) return false;
    std::ostringstream text;
    text << file.rdbuf();
    out = std::move(text).str();
    return true;
}

// The fastest of `repeat` runs of `work`, in ms.
template <typename Work>
double best_of(int repeat, Work&& work) {
    double best = 1e300;
    for (int i = 0; i < repeat; ++i) {
        const auto start = Clock::now();
        work();
        best = std::min(best, milliseconds_since(start));
    }
    return best;
}

}  // namespace

int main(int argc, char** argv) {
    int repeat = 3;
    const char* path = nullptr;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--repeat" && i + 1 < argc) repeat = std::max(1, std::atoi(argv[++i]));
        else path = argv[i];
    }
    if (!path) {
        std::fputs("usage: kamcanvas_bench [--repeat N] FILE\n", stderr);
        return 2;
    }
    std::string bytes;
    if (!read_whole_file(path, bytes)) {
        std::fprintf(stderr, "%s: cannot read\n", path);
        return 1;
    }
    const double file_mib = static_cast<double>(bytes.size()) / (1024.0 * 1024.0);

    auto start = Clock::now();
    kc::ReadResult read = kc::read_portfolio(bytes);
    const double read_ms = milliseconds_since(start);
    if (!read.ok()) {
        std::fprintf(stderr, "%s:%s: %s\n", path, read.errors[0].place.c_str(), read.errors[0].message.c_str());
        return 1;
    }
    bytes = std::string();
    const double peak_after_read = peak_mib();
    const kc::Portfolio& portfolio = *read.portfolio;

    // From here on freed memory stays in the process, so that repeated runs show the
    // analysis itself; the first run pays for touching fresh pages, which some virtual
    // machines make very dear (see first_touch_ms_per_100_mib).
    keep_freed_memory();
    kc::Report report;
    start = Clock::now();
    report = kc::analyze(portfolio);
    const double first_analyze_ms = milliseconds_since(start);
    const double peak_after_analyze = peak_mib();
    const double analyze_ms = best_of(repeat, [&] {
        report = kc::Report();
        report = kc::analyze(portfolio);
    });
    const double rating_ms = best_of(repeat, [&] { kc::recompute_rating(portfolio, report); });

    // The text as the CLI writes it (streamed, counted here instead of printed).
    std::size_t json_bytes = 0;
    start = Clock::now();
    kc::write_report_json(report, portfolio, {}, [&](std::string_view chunk) { json_bytes += chunk.size(); });
    const double json_ms = milliseconds_since(start);

    std::printf("file               %s\n", path);
    std::printf("accounts           %zu\n", portfolio.accounts.size());
    std::printf("file size          %.1f MiB\n", file_mib);
    std::printf("read (parse)       %.0f ms\n", read_ms);
    std::printf("analyze, first     %.0f ms  (fresh memory)\n", first_analyze_ms);
    std::printf("analyze, again     %.0f ms  (best of %d, memory reused)\n", analyze_ms, repeat);
    std::printf("recompute_rating   %.0f ms  (best of %d)\n", rating_ms, repeat);
    std::printf("report JSON text   %.0f ms  (%.1f MiB)\n", json_ms,
                static_cast<double>(json_bytes) / (1024.0 * 1024.0));
    std::printf("first touch        %.0f ms per 100 MiB of fresh memory\n", first_touch_ms_per_100_mib());
    std::printf("peak memory        %.0f MiB after read, %.0f MiB after analyze, %.0f MiB at the end\n",
                peak_after_read, peak_after_analyze, peak_mib());
    return 0;
}
