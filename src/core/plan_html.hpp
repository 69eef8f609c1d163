// The printable plans: an account plan (one account on a page or two) and a portfolio plan
// (the four CORE steps with their figures and pictures of the pyramid, the Pareto curve and
// the portfolio matrix), each a self-contained HTML page — inline CSS and inline SVG, no
// script, nothing fetched — that the browser prints to PDF.
//
// Every text that comes from the file is escaped with html.hpp: a name like
// `<script>alert(1)</script>` is printed as those characters. Figures come from the report
// and plan.hpp; nothing is computed here that those do not compute.
#pragma once

#include <string>

#include "analysis.hpp"
#include "date.hpp"
#include "model.hpp"

namespace kc {

// The language of the page's own words (headings, labels); the file's text stays as it is.
enum class PlanLanguage { nl, en };

struct PlanPrint {
    Date today;                          // printed on the page; reviews due count from it
    PlanLanguage language = PlanLanguage::en;
};

// The account plan of `account` (an index into portfolio.accounts).
std::string account_plan_html(const Portfolio& portfolio, const Report& report, int account, const PlanPrint& print);

// The portfolio plan: the CORE steps with the portfolio's figures.
std::string portfolio_plan_html(const Portfolio& portfolio, const Report& report, const PlanPrint& print);

}  // namespace kc
