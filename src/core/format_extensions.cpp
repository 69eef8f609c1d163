// Keys this program adds to format 1 (docs/format-extensions.md), read from the JSON
// value the reader kept for them. A value without the extension's shape is not an error:
// format 1 lets any file carry any extra key, so such a value is kept and left unused.
#include "format.hpp"
#include "names.hpp"

namespace kc {

std::optional<QuadrantLabels> quadrant_labels_from_json(const Json& value) {
    QuadrantLabels labels;
    if (value.is_string()) {
        if (!parse(value.get_ref<const std::string&>(), labels.naming)) return std::nullopt;
        return labels;
    }
    if (!value.is_object()) return std::nullopt;
    labels.naming = QuadrantNaming::own;
    for (const auto& [key, member] : value.items()) {
        int quadrant = -1;
        for (int q = 0; q < kQuadrantCount; ++q)
            if (key == kQuadrantIds[static_cast<std::size_t>(q)]) quadrant = q;
        if (quadrant < 0) {
            labels.extra[key] = member;
            continue;
        }
        if (!member.is_string()) return std::nullopt;
        labels.own[static_cast<std::size_t>(quadrant)] = member.get<std::string>();
    }
    return labels;
}

}  // namespace kc
