// The doctest runner for the core tests (natively and as wasm under node).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
