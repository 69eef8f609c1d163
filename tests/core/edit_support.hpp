// Helpers shared by the edit and document tests: reading the shared examples and
// comparing portfolios by what the writer makes of them (the file is the truth).
#pragma once

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "core/format.hpp"
#include "core/model.hpp"

namespace kc::test {

inline std::string read_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

inline Portfolio read_example(const std::string& name) {
    const std::string text = read_text(std::string(KC_SHARED_DIR) + "/data/examples/" + name);
    REQUIRE_MESSAGE(!text.empty(), "cannot read example " << name);
    ReadResult result = read_portfolio(text);
    REQUIRE_MESSAGE(result.ok(), "example " << name << " does not read");
    return std::move(*result.portfolio);
}

// The portfolio as the user would save it.
inline std::string saved(const Portfolio& portfolio) { return write_portfolio(portfolio); }

// True when what the writer produces is a valid format-1 file again.
inline bool reads_back(const Portfolio& portfolio) {
    return read_portfolio(write_portfolio(portfolio)).ok();
}

}  // namespace kc::test
