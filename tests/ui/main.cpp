// The doctest runner of the UI tests, and what a failed IM_ASSERT does there.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <cstdio>
#include <cstdlib>

// An ImGui assertion means the UI misused ImGui (unbalanced Begin/End, bad ids, …):
// report it where it happened and stop, since ImGui's state is not to be trusted after.
void kc_imgui_assert_failed(const char* expression, const char* file, int line) {
    std::fprintf(stderr, "%s:%d: IM_ASSERT(%s) failed\n", file, line, expression);
    std::fflush(stderr);
    std::abort();
}
