// document.hpp, the cached report: after edits of scores, weights, criteria and matrix
// thresholds the Document only recomputes the rating and the matrix, and after names,
// key marks and labels nothing; either way its report JSON is, to the byte, the one a
// full analyze() gives. Random sequences of such edits, undos and redos on the shared
// examples; the counters prove the cheap path was the one taken.
#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "core/document.hpp"
#include "core/report_json.hpp"
#include "edit_support.hpp"
#include "format_support.hpp"

using namespace kc;
using kc::test::read_example;
using kc::test::read_text;
using kc::test::listing;

namespace {

struct Random {
    std::uint32_t state;
    std::uint32_t next() {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        return state;
    }
    int below(int n) { return n <= 0 ? 0 : static_cast<int>(next() % static_cast<std::uint32_t>(n)); }
};

// A score of criterion `c` (whole or half steps), or none now and then.
double random_score(const Criterion& c, Random& random) {
    if (random.below(5) == 0) return kNoScore;
    const int steps = static_cast<int>((c.max - c.min) * 2);
    return c.min + random.below(steps + 1) / 2.0;
}

// An edit that touches only what rating and matrix read (or nothing the report reads).
// Some are refused (a scale that would strand a score): that is part of the test too.
Edit rating_edit(const Portfolio& p, Random& random, int& serial) {
    const int criteria = static_cast<int>(p.criteria.size());
    const int accounts = static_cast<int>(p.accounts.size());
    const int c = random.below(criteria);
    switch (random.below(criteria == 0 ? 2 : 12)) {
        case 0: {
            Criterion fresh;
            fresh.id = "new_" + std::to_string(serial++);
            fresh.weight = random.below(5);
            fresh.axis = static_cast<Axis>(random.below(3));
            std::vector<double> scores;
            if (random.below(2))
                for (int a = 0; a < accounts; ++a) scores.push_back(random_score(fresh, random));
            return AddCriterion{random.below(criteria + 1), fresh, scores};
        }
        case 1: return SetMatrixThresholds{static_cast<double>(random.below(101)), random.below(201) / 2.0};
        case 2:
        case 3: return SetScore{random.below(accounts), c, random_score(p.criteria[c], random)};
        case 4:
        case 5: return SetCriterionWeight{c, random.below(9) / 2.0};
        case 6: return SetCriterionAxis{c, static_cast<Axis>(random.below(3))};
        case 7: return MoveCriterion{c, random.below(criteria)};
        case 8:   // wider or one narrower: some would strand a score
            return SetCriterionRange{c, p.criteria[c].min - random.below(2), p.criteria[c].max + random.below(3) - 1};
        case 9: return criteria > 1 ? Edit{RemoveCriterion{c}} : Edit{RenameCriterion{c, "Enige"}};
        case 10: return RenameCriterion{c, "Criterium " + std::to_string(serial++)};
        default: return accounts > 0 ? Edit{SetKeyAccount{random.below(accounts), random.below(2) == 1}}
                                     : Edit{SetQuadrantLabels{QuadrantLabels{}}};
    }
}

std::string cached_json(const Document& doc) { return report_json_text(doc.report(), doc.portfolio()); }
std::string full_json(const Document& doc) { return report_json_text(analyze(doc.portfolio()), doc.portfolio()); }

}  // namespace

TEST_CASE("document report: impacts of the edit kinds") {
    using Impact = Document::ReportImpact;
    CHECK(Document::report_impact(SetScore{}) == Impact::rating);
    CHECK(Document::report_impact(SetCriterionWeight{}) == Impact::weighting);
    CHECK(Document::report_impact(SetMatrixThresholds{}) == Impact::weighting);
    CHECK(Document::report_impact(SetCriterionAxis{}) == Impact::weighting);
    CHECK(Document::report_impact(AddCriterion{}) == Impact::rating);
    CHECK(Document::report_impact(RemoveCriterion{}) == Impact::rating);
    CHECK(Document::report_impact(MoveCriterion{}) == Impact::rating);
    CHECK(Document::report_impact(SetCriterionRange{}) == Impact::rating);
    CHECK(Document::report_impact(RenameCriterion{}) == Impact::none);
    CHECK(Document::report_impact(SetKeyAccount{}) == Impact::none);
    CHECK(Document::report_impact(SetQuadrantLabels{}) == Impact::none);
    CHECK(Document::report_impact(set_account_text(0, AccountText::name, "x")) == Impact::none);
    CHECK(Document::report_impact(set_account_text(0, AccountText::segment, "x")) == Impact::all);
    CHECK(Document::report_impact(SetRevenue{}) == Impact::all);
    CHECK(Document::report_impact(SetAccountStatus{}) == Impact::all);
    CHECK(Document::report_impact(RemoveAccount{}) == Impact::all);
    CHECK(Document::report_impact(SetPyramid{}) == Impact::all);
    CHECK(Document::report_impact(SetAnalysisYear{}) == Impact::all);
}

TEST_CASE("document report: after rating edits, undo and redo the cached report is analyze()'s, to the byte") {
    const std::vector<std::string> examples = {"synthetic-40.json", "synthetic-400.json", "matrix.json",
                                               "weights-zero.json", "ties.json", "empty.json"};
    Random random{0xdeca5u};
    for (const std::string& name : examples) {
        CAPTURE(name);
        Document doc(read_example(name));
        CHECK(cached_json(doc) == full_json(doc));
        int serial = 0, changes = 0;
        for (int step = 0; step < 120; ++step) {
            CAPTURE(step);
            const int action = random.below(10);
            if (action == 0) doc.undo();
            else if (action == 1) doc.redo();
            else changes += doc.apply(rating_edit(doc.portfolio(), random, serial)).changed;
            // Not after every step: some reports catch up on several edits at once.
            if (random.below(3) != 0) REQUIRE(cached_json(doc) == full_json(doc));
        }
        CHECK(cached_json(doc) == full_json(doc));
        CHECK(changes > 40);
        // One full analysis, when the document was opened; the rest was the cheap path.
        CHECK(doc.report_updates().full == 1);
        CHECK(doc.report_updates().rating_only > 20);
    }
}

TEST_CASE("document report: the real portfolios too, and any other edit still analyses in full") {
    Document doc(read_portfolio(read_text(std::string(KC_SHARED_DIR) + "/data/real/superstore.kamcanvas.json"))
                     .portfolio.value_or(Portfolio{}));
    REQUIRE(doc.portfolio().accounts.size() > 100);
    Random random{77u};
    int serial = 0;
    const std::string first = cached_json(doc);
    for (int step = 0; step < 30; ++step) doc.apply(rating_edit(doc.portfolio(), random, serial));
    CHECK(cached_json(doc) == full_json(doc));
    CHECK(doc.report_updates().full == 1);

    // A name changes nothing the report holds: not even the rating is recomputed.
    const Document::ReportUpdates before = doc.report_updates();
    REQUIRE(doc.apply(set_account_text(0, AccountText::name, "Andere naam")).changed);
    CHECK(cached_json(doc) == full_json(doc));
    CHECK(doc.report_updates().full == before.full);
    CHECK(doc.report_updates().rating_only == before.rating_only);

    // Revenue moves the pyramid: a full analysis, also when a rating edit came first.
    REQUIRE(doc.apply(SetCriterionWeight{0, 7}).changed);
    REQUIRE(doc.apply(SetRevenue{0, 2019, 1e9}).changed);
    CHECK(cached_json(doc) == full_json(doc));
    CHECK(doc.report_updates().full == before.full + 1);

    // Undoing everything gives the first report back.
    while (doc.undo()) {}
    CHECK(cached_json(doc) == first);
}

TEST_CASE("document: version_beyond_weighting keys the warnings: never stale, and still after weighting edits") {
    Document doc(read_example("synthetic-40.json"));
    Random random{12345};
    int serial = 0;
    std::uint64_t key = doc.version_beyond_weighting();
    std::string cached = listing(check_warnings(doc.portfolio()));
    int kept = 0, compared_with_warnings = 0;
    for (int step = 0; step < 600; ++step) {
        const std::uint64_t version = doc.version();
        switch (random.below(10)) {
            case 0: doc.undo(); break;
            case 1: doc.redo(); break;
            default: doc.apply(rating_edit(doc.portfolio(), random, serial));
        }
        const std::string now = listing(check_warnings(doc.portfolio()));
        if (doc.version_beyond_weighting() == key) {
            CHECK(now == cached);   // what a cache keyed on it would show
            if (doc.version() != version) ++kept;
            if (!now.empty()) ++compared_with_warnings;
        }
        key = doc.version_beyond_weighting();
        cached = now;
    }
    CHECK(kept > 50);   // weights, axes, thresholds and their undos left the key alone
    CHECK(compared_with_warnings > 0);

    // And each of those three, one by one; a quadrant label and a replace move it.
    const std::uint64_t before = doc.version_beyond_weighting();
    doc.apply(SetCriterionWeight{0, doc.portfolio().criteria[0].weight + 1});
    doc.apply(SetCriterionAxis{0, doc.portfolio().criteria[0].axis == Axis::position ? Axis::attractiveness : Axis::position});
    doc.apply(SetMatrixThresholds{doc.portfolio().info.matrix.x_threshold + 1, 3});
    CHECK(doc.version_beyond_weighting() == before);
    doc.apply(SetQuadrantLabels{QuadrantLabels{}});
    doc.replace(read_example("synthetic-40.json"));
    CHECK(doc.version_beyond_weighting() > before);
}
