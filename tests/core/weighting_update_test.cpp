// WeightingUpdate and Document::report_by: the weighting brought up to date a slice at a
// time ends exactly where analyze() does; meanwhile the report from before is given.
#include <doctest/doctest.h>

#include <chrono>
#include <string>

#include "core/analysis.hpp"
#include "core/document.hpp"
#include "core/report_json.hpp"
#include "format_support.hpp"

namespace {

using Clock = std::chrono::steady_clock;

// A deadline already passed: every advance() does exactly one slice.
Clock::time_point one_slice() { return Clock::time_point{}; }

std::string report_text(const kc::Report& report, const kc::Portfolio& portfolio) {
    return kc::report_json_text(report, portfolio);
}

kc::Portfolio generated(std::size_t accounts, std::uint64_t seed) {
    kc::test::GeneratorOptions options;
    options.accounts = accounts;
    options.seed = seed;
    options.compact = true;
    kc::ReadResult read = kc::read_portfolio(kc::test::generated_portfolio(options));
    REQUIRE(read.ok());
    return std::move(*read.portfolio);
}

// Weights, an axis and the thresholds changed as the UI changes them.
void change_weighting(kc::Portfolio& portfolio, int variant) {
    portfolio.criteria[0].weight = 0.25 + variant;
    if (portfolio.criteria.size() > 1) portfolio.criteria[1].weight = 7 - variant;
    if (portfolio.criteria.size() > 2) portfolio.criteria[2].axis = variant % 2 ? kc::Axis::position : kc::Axis::attractiveness;
    portfolio.info.matrix.x_threshold = 30 + 5 * variant;
    portfolio.info.matrix.y_threshold = 70 - 5 * variant;
}

}  // namespace

TEST_CASE("weighting update: slice by slice, exactly recompute_rating's and analyze()'s result") {
    // 1 and 4,096 accounts: one slice and one block; 9,000 and 20,000: merges of uneven runs.
    for (std::size_t accounts : {std::size_t{1}, std::size_t{4096}, std::size_t{9000}, std::size_t{20000}}) {
        CAPTURE(accounts);
        kc::Portfolio portfolio = generated(accounts, accounts);
        kc::Report report = kc::analyze(portfolio);
        change_weighting(portfolio, static_cast<int>(accounts % 3));
        kc::WeightingUpdate update(portfolio, report);
        int slices = 1;
        while (!update.advance(one_slice())) ++slices;
        CHECK(update.done());
        // Rating, sort (blocks, then passes of merges) and places: more slices than accounts / 4096.
        if (accounts > 4096) CHECK(static_cast<std::size_t>(slices) > 3 * (accounts / 4096));
        update.finish(report);
        CHECK(report_text(report, portfolio) == report_text(kc::analyze(portfolio), portfolio));
    }
}

TEST_CASE("weighting update: the example portfolios, with a generous deadline, in one call") {
    for (const std::string& path : kc::test::files_in(kc::test::shared_path("data/examples"), ".json")) {
        CAPTURE(path);
        kc::ReadResult read = kc::read_portfolio(kc::test::slurp(path));
        REQUIRE(read.ok());
        kc::Portfolio& portfolio = *read.portfolio;
        kc::Report report = kc::analyze(portfolio);
        if (!portfolio.criteria.empty()) change_weighting(portfolio, 1);
        kc::WeightingUpdate update(portfolio, report);
        CHECK(update.advance(Clock::now() + std::chrono::seconds(10)));
        update.finish(report);
        CHECK(report_text(report, portfolio) == report_text(kc::analyze(portfolio), portfolio));
    }
}

TEST_CASE("report_by: gives the report from before until the update is done, then analyze()'s") {
    kc::Document document(generated(20000, 5));
    const std::string before = report_text(document.report(), document.portfolio());
    const std::uint64_t generation = document.report_generation();

    REQUIRE(document.apply(kc::SetCriterionWeight{0, 9}).ok());
    int frames = 0;
    while (true) {
        const kc::Report& report = document.report_by(one_slice());
        ++frames;
        if (!document.report_behind()) break;
        CHECK(document.report_generation() == generation);
        if (frames == 2) CHECK(report_text(report, document.portfolio()) != "");   // usable meanwhile
        REQUIRE(frames < 1000);
    }
    CHECK(frames > 10);
    CHECK(document.report_generation() == generation + 1);
    const std::string after = report_text(document.report_by(one_slice()), document.portfolio());
    CHECK(after != before);
    CHECK(after == report_text(kc::analyze(document.portfolio()), document.portfolio()));
}

TEST_CASE("report_by: a weight edited during an update — that update finishes, another follows; the end is the last weight's") {
    kc::Document document(generated(20000, 6));
    document.report();
    REQUIRE(document.apply(kc::SetCriterionWeight{0, 2}, "drag").ok());
    for (int i = 0; i < 5; ++i) document.report_by(one_slice());
    const std::uint64_t generation = document.report_generation();
    REQUIRE(document.apply(kc::SetCriterionWeight{0, 8}, "drag").ok());   // the drag goes on
    int frames = 0;
    while (document.report_generation() == generation && frames < 1000) {
        document.report_by(one_slice());
        ++frames;
    }
    CHECK(document.report_behind());   // the first update is in; the second weight is not yet
    while (document.report_behind() && frames < 2000) {
        document.report_by(one_slice());
        ++frames;
    }
    CHECK(report_text(document.report_by(one_slice()), document.portfolio()) ==
          report_text(kc::analyze(document.portfolio()), document.portfolio()));
}

TEST_CASE("report_by: a score edited or report() called during an update — exact at once") {
    kc::Document document(generated(20000, 7));
    document.report();
    REQUIRE(document.apply(kc::SetMatrixThresholds{20, 80}).ok());
    document.report_by(one_slice());
    REQUIRE(document.report_behind());
    const std::vector<double>& scores = document.portfolio().accounts[3].scores;
    const double score = !scores.empty() && scores[0] == 5 ? 4 : 5;
    const kc::ApplyResult scored = document.apply(kc::SetScore{3, 0, score});
    REQUIRE((scored.ok() && scored.changed));
    document.report_by(one_slice());
    CHECK(!document.report_behind());
    CHECK(report_text(document.report_by(one_slice()), document.portfolio()) ==
          report_text(kc::analyze(document.portfolio()), document.portfolio()));

    REQUIRE(document.apply(kc::SetCriterionWeight{1, 4}).ok());
    document.report_by(one_slice());
    REQUIRE(document.report_behind());
    CHECK(report_text(document.report(), document.portfolio()) ==
          report_text(kc::analyze(document.portfolio()), document.portfolio()));
    CHECK(!document.report_behind());
}
