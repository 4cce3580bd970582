// A LaMP user record (one element of a questions file) and a gold output.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace r2p {

// One item of a user's profile. Fields keep file order; non-string scalars keep their JSON
// text (a year 2019 becomes "2019") so nothing is lost or reformatted.
struct ProfileItem {
    std::string id;
    std::vector<std::pair<std::string, std::string>> fields; // excludes "id"

    // The field's value, or an empty view when the item has no such field.
    std::string_view field(std::string_view name) const;
    bool hasField(std::string_view name) const;
};

struct UserRecord {
    std::string id;     // the question id
    std::string input;  // the task input, LaMP's template included
    std::string userId; // only in time-based splits; empty otherwise
    std::vector<ProfileItem> profile;
};

struct Gold {
    std::string id;
    std::string output;
};

} // namespace r2p
