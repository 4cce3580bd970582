#include "Record.h"

namespace r2p {

std::string_view ProfileItem::field(std::string_view name) const {
    for (const auto& [key, value] : fields)
        if (key == name)
            return value;
    return {};
}

bool ProfileItem::hasField(std::string_view name) const {
    for (const auto& kv : fields)
        if (kv.first == name)
            return true;
    return false;
}

} // namespace r2p
