// kamcanvas_bench: how long reading and analysing a portfolio takes, and how much
// memory it needs. One file per run, so that the peak memory (getrusage's ru_maxrss)
// belongs to that file alone; bench/run.sh runs it over 10k, 100k and 1M accounts.
// Each phase is given as wall-clock time and as the CPU time of this process: on a
// busy machine the first grows with the load, the second much less.
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

struct Timing {
    double wall_ms = 0;
    double cpu_ms = 0;   // user + system
};

double cpu_ms_now() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    const auto ms = [](const timeval& t) { return t.tv_sec * 1e3 + t.tv_usec / 1e3; };
    return ms(usage.ru_utime) + ms(usage.ru_stime);
}

template <typename Work>
Timing timed(Work&& work) {
    const auto wall = Clock::now();
    const double cpu = cpu_ms_now();
    work();
    return {std::chrono::duration<double, std::milli>(Clock::now() - wall).count(), cpu_ms_now() - cpu};
}

// The fastest of `repeat` runs (by CPU time).
template <typename Work>
Timing best_of(int repeat, Work&& work) {
    Timing best{1e300, 1e300};
    for (int i = 0; i < repeat; ++i) {
        const Timing t = timed(work);
        if (t.cpu_ms < best.cpu_ms) best = t;
    }
    return best;
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
Timing first_touch_per_100_mib() {
    constexpr std::size_t kSize = std::size_t{64} << 20;
    Timing t = timed([] {
        std::vector<char> fresh(kSize, 1);
        volatile char sink = fresh[kSize / 2];
        (void)sink;
    });
    return {t.wall_ms * 100 / 64, t.cpu_ms * 100 / 64};
}

bool read_whole_file(const char* path, std::string& out) {
    std::ifstream file(path, std::ios::binary);
    if (!file) return false;
    std::ostringstream text;
    text << file.rdbuf();
    out = std::move(text).str();
    return true;
}

void print(const char* what, Timing t, const char* note = "") {
    std::printf("%-20s wall %7.0f ms   cpu %7.0f ms   %s\n", what, t.wall_ms, t.cpu_ms, note);
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

    kc::ReadResult read;
    const Timing read_time = timed([&] { read = kc::read_portfolio(bytes); });
    if (!read.ok()) {
        std::fprintf(stderr, "%s:%s: %s\n", path, read.errors[0].place.c_str(), read.errors[0].message.c_str());
        return 1;
    }
    bytes = std::string();
    const double peak_after_read = peak_mib();
    const kc::Portfolio& portfolio = *read.portfolio;

    // From here on freed memory stays in the process, so that repeated runs show the
    // analysis itself; the first run pays for touching fresh pages, which some virtual
    // machines make very dear (see "first touch").
    keep_freed_memory();
    kc::Report report;
    const Timing first = timed([&] { report = kc::analyze(portfolio); });
    const double peak_after_analyze = peak_mib();
    const Timing again = best_of(repeat, [&] {
        report = kc::Report();
        report = kc::analyze(portfolio);
    });
    const Timing rating = best_of(repeat, [&] { kc::recompute_rating(portfolio, report); });
    std::size_t json_bytes = 0;   // the text as the CLI writes it, counted instead of printed
    const Timing json = timed([&] {
        kc::write_report_json(report, portfolio, {}, [&](std::string_view chunk) { json_bytes += chunk.size(); });
    });

    char note[96];
    std::printf("file                 %s\n", path);
    std::printf("accounts             %zu (%.1f MiB)\n", portfolio.accounts.size(), file_mib);
    print("read (parse)", read_time);
    print("analyze, first", first, "fresh memory");
    std::snprintf(note, sizeof note, "best of %d, memory reused", repeat);
    print("analyze, again", again, note);
    print("recompute_rating", rating, note);
    std::snprintf(note, sizeof note, "%.1f MiB of text", static_cast<double>(json_bytes) / (1024.0 * 1024.0));
    print("report JSON text", json, note);
    print("first touch", first_touch_per_100_mib(), "per 100 MiB of fresh memory");
    std::printf("peak memory          %.0f MiB after read, %.0f MiB after analyze, %.0f MiB at the end\n",
                peak_after_read, peak_after_analyze, peak_mib());
    return 0;
}
