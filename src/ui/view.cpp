// Context's requests (see view.hpp): kept out of line so each view does not inline the
// queue's growth for every kind of Edit.
#include "view.hpp"

// GCC 12 warns that moving a variant holding an Account "may use" an uninitialised
// string of another alternative it never constructs (a known false positive of its
// -Wmaybe-uninitialized with std::variant).
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif

namespace kc::ui {

void Context::emit(Edit change, std::string merge_key) const {
    EditRequest request;
    request.change = std::move(change);
    request.merge_key = std::move(merge_key);
    requests_.push_back(std::move(request));
}

void Context::seal() const {
    EditRequest request;
    request.kind = EditRequest::seal;
    requests_.push_back(std::move(request));
}

}  // namespace kc::ui
