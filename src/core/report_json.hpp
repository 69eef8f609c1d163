// The analysis report as JSON: the object of ../shared/spec/analysis.md ("The report"),
// key for key and in the spec's order, followed by the extensions of
// docs/analysis-extensions.md (`migration`, `breakdowns`, `weighting`) unless they are
// switched off.
// The CLI's `analyze` and the browser's JavaScript API both print this object.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "analysis.hpp"
#include "model.hpp"

namespace kc {

struct ReportJsonOptions {
    // false: exactly the spec's keys (what ../shared/data/expected holds).
    bool include_extensions = true;
};

// Orders: `layer_of` = customers in rank order, then the others in file order; `abc` in
// rank order; `rating.ranking` in ranking order; `matrix.accounts` and
// `wallet.accounts` in file order. Counts are JSON integers, other figures doubles.
Json report_to_json(const Report& report, const Portfolio& portfolio, ReportJsonOptions options = {});

// The same report as text, exactly report_to_json(...).dump(2) (no trailing newline),
// handed to `sink` in chunks of about 1 MB, without building the Json value: for a
// million accounts the value alone would take gigabytes, the text a few hundred MB.
void write_report_json(const Report& report, const Portfolio& portfolio, ReportJsonOptions options,
                       const std::function<void(std::string_view)>& sink);
std::string report_json_text(const Report& report, const Portfolio& portfolio, ReportJsonOptions options = {});

}  // namespace kc
