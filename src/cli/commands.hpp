// The subcommands of the `kamcanvas` command line. Each returns the process exit code.
// Only core is used here: the CLI and the browser read and analyse files the same way.
#pragma once

#include <string>
#include <vector>

namespace kc::cli {

using Args = std::vector<std::string>;   // the arguments after the subcommand's name

int validate(const Args& args);      // validate.cpp
int fmt(const Args& args);           // fmt.cpp
int analyze(const Args& args);       // analyze.cpp
int import_csv(const Args& args);    // import_csv.cpp

// Shared helpers (io.cpp).
bool read_file(const std::string& path, std::string& out, std::string& error);
bool wants_help(const Args& args);

}  // namespace kc::cli
