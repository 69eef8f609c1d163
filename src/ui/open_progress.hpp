// What a frame shows while a big file is read in pieces: the file's name and a bar,
// nothing else, so that such frames take the reader no time it needs.
#pragma once

#include <cstddef>
#include <string_view>

namespace kc::ui {

// Draws the whole frame: `bytes` of about `total` read (total 0: unknown).
void draw_open_progress(std::string_view file_name, std::size_t bytes, std::size_t total);

}  // namespace kc::ui
