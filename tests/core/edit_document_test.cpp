// document.hpp: undo/redo give back exactly the saved file of each state, the version
// moves on every change, coalescing makes one step of a drag, the dirty flag follows
// the saved state, and the cached report follows every change.
#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "core/document.hpp"
#include "edit_support.hpp"

using namespace kc;
using kc::test::read_example;
using kc::test::saved;

namespace {

// A fixed-seed generator, so a failing sequence can be replayed.
struct Random {
    std::uint32_t state;
    std::uint32_t next() {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        return state;
    }
    int below(int n) { return static_cast<int>(next() % static_cast<std::uint32_t>(n)); }
};

// Some valid edit of the portfolio (most kinds, random targets and values).
Edit random_edit(const Portfolio& p, Random& random, int& serial) {
    const int accounts = static_cast<int>(p.accounts.size());
    const int account = random.below(accounts);
    switch (random.below(9)) {
        case 0: return set_account_text(account, AccountText::name, "Naam " + std::to_string(serial++));
        case 1: return set_account_text(account, AccountText::segment, random.below(2) ? "" : "Segment");
        case 2: return SetAccountStatus{account, static_cast<Status>(random.below(5))};
        case 3: return SetRevenue{account, 2023 + random.below(4),
                                  random.below(3) ? std::optional<double>(random.below(100000) / 4.0)
                                                  : std::nullopt};
        case 4: return SetKeyAccount{account, random.below(2) == 1};
        case 5: {
            Account fresh;
            fresh.id = "NEW-" + std::to_string(serial++);
            fresh.name = "Nieuw " + fresh.id;
            return AddAccount{random.below(accounts + 1), fresh};
        }
        case 6: return RemoveAccount{account};
        case 7: return SetCriterionWeight{random.below(static_cast<int>(p.criteria.size())),
                                          static_cast<double>(random.below(5))};
        default: {
            const int criterion = random.below(static_cast<int>(p.criteria.size()));
            const Criterion& c = p.criteria[criterion];
            const double value = random.below(4) ? c.min + random.below(static_cast<int>(c.max - c.min) + 1)
                                                 : kNoScore;
            return SetScore{account, criterion, value};
        }
    }
}

}  // namespace

TEST_CASE("document: undo and redo walk back and forth through the saved states") {
    Document doc(read_example("synthetic-40.json"));
    Random random{20250101u};
    int serial = 0;
    std::vector<std::string> states{saved(doc.portfolio())};
    for (int i = 0; i < 60; ++i) {
        ApplyResult result = doc.apply(random_edit(doc.portfolio(), random, serial));
        REQUIRE(result.ok());
        if (result.changed) states.push_back(saved(doc.portfolio()));
    }
    REQUIRE(states.size() > 40);

    // All the way back, one step at a time, each state exact.
    for (std::size_t i = states.size() - 1; i > 0; --i) {
        REQUIRE(doc.undo());
        CHECK(saved(doc.portfolio()) == states[i - 1]);
    }
    CHECK_FALSE(doc.can_undo());
    CHECK_FALSE(doc.undo());
    // And forward again.
    for (std::size_t i = 1; i < states.size(); ++i) {
        REQUIRE(doc.redo());
        CHECK(saved(doc.portfolio()) == states[i]);
    }
    CHECK_FALSE(doc.can_redo());
    CHECK_FALSE(doc.redo());
}

TEST_CASE("document: a new edit after undo drops the redo steps") {
    Document doc(read_example("synthetic-40.json"));
    REQUIRE(doc.apply(SetKeyAccount{0, true}).ok());
    REQUIRE(doc.apply(SetKeyAccount{1, true}).ok());
    REQUIRE(doc.undo());
    CHECK(doc.can_redo());
    REQUIRE(doc.apply(SetKeyAccount{2, true}).ok());
    CHECK_FALSE(doc.can_redo());
    CHECK(doc.portfolio().accounts[0].key);
    CHECK_FALSE(doc.portfolio().accounts[1].key);
    CHECK(doc.portfolio().accounts[2].key);
}

TEST_CASE("document: the version moves on every change and only then") {
    Document doc(read_example("synthetic-40.json"));
    std::uint64_t v = doc.version();
    REQUIRE(doc.apply(SetKeyAccount{0, true}).ok());
    CHECK(doc.version() > v);
    v = doc.version();

    CHECK_FALSE(doc.apply(SetRevenue{0, 2025, -1.0}).ok());   // refused
    CHECK(doc.version() == v);
    CHECK(doc.apply(SetKeyAccount{0, true}).ok());             // already so
    CHECK(doc.version() == v);

    REQUIRE(doc.undo());
    CHECK(doc.version() > v);
    v = doc.version();
    REQUIRE(doc.redo());
    CHECK(doc.version() > v);
    v = doc.version();
    doc.replace(read_example("one-customer.json"));
    CHECK(doc.version() > v);
    CHECK_FALSE(doc.can_undo());
    CHECK_FALSE(doc.can_redo());
}

TEST_CASE("document: a refused or unchanged edit leaves no undo step") {
    Document doc(read_example("synthetic-40.json"));
    CHECK_FALSE(doc.apply(set_account_text(0, AccountText::name, "")).ok());
    CHECK(doc.apply(SetAccountStatus{1, doc.portfolio().accounts[1].status}).ok());
    CHECK_FALSE(doc.can_undo());
    CHECK_FALSE(doc.dirty());
}

TEST_CASE("document: edits with one merge key are one undo step until sealed") {
    Document doc(read_example("synthetic-40.json"));
    const std::string original = saved(doc.portfolio());
    const double weight = doc.portfolio().criteria[0].weight;

    // A drag: many values, one step.
    for (int i = 1; i <= 20; ++i) REQUIRE(doc.apply(SetCriterionWeight{0, weight + i * 0.25}, "weight/0").ok());
    CHECK(doc.portfolio().criteria[0].weight == weight + 5);
    REQUIRE(doc.undo());
    CHECK(saved(doc.portfolio()) == original);
    CHECK_FALSE(doc.can_undo());
    REQUIRE(doc.redo());
    CHECK(doc.portfolio().criteria[0].weight == weight + 5);

    // After the redo the next drag is its own step.
    REQUIRE(doc.apply(SetCriterionWeight{0, 1}, "weight/0").ok());
    REQUIRE(doc.undo());
    CHECK(doc.portfolio().criteria[0].weight == weight + 5);

    // seal() ends a drag; another key ends it too.
    const double weight_1 = doc.portfolio().criteria[1].weight;
    REQUIRE(doc.apply(SetCriterionWeight{0, 2}, "weight/0").ok());
    doc.seal();
    REQUIRE(doc.apply(SetCriterionWeight{0, 3}, "weight/0").ok());
    REQUIRE(doc.apply(SetCriterionWeight{1, weight_1 + 1.5}, "weight/1").ok());
    REQUIRE(doc.apply(SetCriterionWeight{0, 4}, "weight/0").ok());
    REQUIRE(doc.undo());
    CHECK(doc.portfolio().criteria[0].weight == 3);
    REQUIRE(doc.undo());
    CHECK(doc.portfolio().criteria[1].weight == weight_1);
    REQUIRE(doc.undo());
    CHECK(doc.portfolio().criteria[0].weight == 2);
    // Edits without a key never merge.
    REQUIRE(doc.apply(SetKeyAccount{0, true}).ok());
    REQUIRE(doc.apply(SetKeyAccount{1, true}).ok());
    REQUIRE(doc.undo());
    CHECK(doc.portfolio().accounts[0].key);
}

TEST_CASE("document: a group is one undo step, also nested and with removals") {
    Document doc(read_example("synthetic-40.json"));
    const std::string original = saved(doc.portfolio());
    doc.begin_group();
    REQUIRE(doc.apply(RemoveAccount{0}).ok());
    doc.begin_group();
    REQUIRE(doc.apply(RemoveAccount{0}).ok());
    REQUIRE(doc.apply(set_account_text(0, AccountText::name, "Eerste")).ok());
    doc.end_group();
    REQUIRE(doc.apply(SetPyramid{10, 10, 10}).ok());
    doc.end_group();
    const std::string grouped = saved(doc.portfolio());
    CHECK(doc.portfolio().accounts.size() == 38);

    REQUIRE(doc.undo());
    CHECK(saved(doc.portfolio()) == original);
    CHECK_FALSE(doc.can_undo());
    REQUIRE(doc.redo());
    CHECK(saved(doc.portfolio()) == grouped);

    // After the group, edits are separate steps again; an extra end_group is harmless.
    doc.end_group();
    REQUIRE(doc.apply(SetKeyAccount{0, true}).ok());
    REQUIRE(doc.undo());
    CHECK(saved(doc.portfolio()) == grouped);
}

TEST_CASE("document: dirty follows the saved state, through undo and redo") {
    Document doc(read_example("synthetic-40.json"));
    CHECK_FALSE(doc.dirty());
    REQUIRE(doc.apply(SetKeyAccount{0, true}).ok());
    CHECK(doc.dirty());
    REQUIRE(doc.undo());
    CHECK_FALSE(doc.dirty());   // back where it was opened
    REQUIRE(doc.redo());
    CHECK(doc.dirty());

    doc.mark_saved();
    CHECK_FALSE(doc.dirty());
    REQUIRE(doc.undo());
    CHECK(doc.dirty());
    REQUIRE(doc.redo());
    CHECK_FALSE(doc.dirty());

    // A drag that goes on after a save is a change to the saved state, not part of it.
    REQUIRE(doc.apply(SetCriterionWeight{0, 1}, "w").ok());
    doc.mark_saved();
    REQUIRE(doc.apply(SetCriterionWeight{0, 2}, "w").ok());
    CHECK(doc.dirty());
    REQUIRE(doc.undo());
    CHECK_FALSE(doc.dirty());
    CHECK(doc.portfolio().criteria[0].weight == 1);

    // Saved, undone, then a different edit: the saved state is gone for good.
    REQUIRE(doc.undo());
    REQUIRE(doc.apply(SetKeyAccount{5, true}).ok());
    CHECK(doc.dirty());

    doc.replace(read_example("synthetic-40.json"));
    CHECK_FALSE(doc.dirty());
}

TEST_CASE("document: a state marked unsaved stays dirty until saved, also after undoing back") {
    Document doc(read_example("synthetic-40.json"));
    doc.mark_unsaved();   // as after a CSV import: never written out
    CHECK(doc.dirty());
    REQUIRE(doc.apply(SetKeyAccount{0, true}).ok());
    REQUIRE(doc.undo());
    CHECK(doc.dirty());
    doc.mark_saved();
    CHECK_FALSE(doc.dirty());
    doc.mark_unsaved();
    doc.replace(read_example("synthetic-40.json"));
    CHECK_FALSE(doc.dirty());   // another file opened: nothing unsaved
}

TEST_CASE("document: the report follows every change and is computed once per version") {
    Document doc(read_example("synthetic-40.json"));
    const Report& first = doc.report();
    CHECK(first.year == std::optional<int>(2025));
    CHECK(first.accounts == 40);
    const Report* cached = &doc.report();
    const int top_before = doc.report().pyramid.layers[static_cast<int>(Layer::top)].count;
    CHECK(&doc.report() == cached);   // same version, same year: the same object

    // An account that was not the biggest becomes the only top customer.
    const int last = 39;
    REQUIRE(doc.report().pyramid.layer_of[last] != Layer::top);
    REQUIRE(doc.apply(SetRevenue{last, 2025, 1e9}).ok());
    CHECK(doc.report().pyramid.layer_of[last] == Layer::top);
    CHECK(doc.report().pyramid.layers[static_cast<int>(Layer::top)].count == top_before);
    CHECK(doc.report().revenue_of[last] == 1e9);
    REQUIRE(doc.undo());
    CHECK(doc.report().pyramid.layer_of[last] != Layer::top);

    REQUIRE(doc.apply(RemoveAccount{0}).ok());
    CHECK(doc.report().accounts == 39);
    CHECK(doc.report().pyramid.layer_of.size() == 39);
    REQUIRE(doc.undo());
    CHECK(doc.report().accounts == 40);

    // The analysis year of the file, and a year asked for without changing the file.
    REQUIRE(doc.apply(SetAnalysisYear{2024}).ok());
    CHECK(doc.report().year == std::optional<int>(2024));
    CHECK(doc.report(2023).year == std::optional<int>(2023));
    CHECK(doc.report().year == std::optional<int>(2024));
    REQUIRE(doc.apply(SetAnalysisYear{std::nullopt}).ok());
    CHECK(doc.report().year == std::optional<int>(2025));   // latest year with revenue
}
