// Fuzz target: the Users filter grammar (ui/models/UserFilter, QtCore only). Any text parses to
// a filter or an error naming the bad term; a valid filter is then applied to hand-made rows
// with and without a run and annotations.
#include "FuzzSupport.h"
#include "ui/models/UserFilter.h"

#include <QString>

namespace {

struct Rows {
    std::vector<r2p::UserIndexEntry> users;
    r2p::ui::RunResults run;
    r2p::ui::AnnotationCounts notes;
};

const Rows& rows() {
    static const Rows r = [] {
        Rows out;
        out.users.resize(3); // the third stays empty
        out.users[0].id = "110";
        out.users[0].profileSize = 12;
        out.users[0].gold = "[2]";
        out.users[0].hasGold = true;
        out.users[1].id = "2\xC3\xA9\xFF"; // invalid UTF-8 on purpose
        out.users[1].userId = "u7";
        r2p::ui::UserRunRow row;
        row.hasR2p = row.hasBaseline = row.r2pScored = row.baselineScored = true;
        row.r2pScore = 0.25;
        row.baselineScore = 0.5;
        row.interventions = 1;
        out.run.byUser.emplace("110", row);
        out.run.byUser.emplace(out.users[1].id, r2p::ui::UserRunRow{});
        out.notes.onRun.emplace("110", 2);
        out.notes.labels.emplace("110", std::vector<std::string>{"divergent-thinking"});
        out.notes.onOtherRuns.insert(out.users[1].id);
        return out;
    }();
    return r;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
    const QString text =
        QString::fromUtf8(reinterpret_cast<const char*>(bytes), static_cast<qsizetype>(size));
    const auto filter = r2p::ui::UserFilter::parse(text);
    if (!filter.valid()) {
        R2P_FUZZ_CHECK(!filter.error().isEmpty());
        return 0;
    }
    const Rows& r = rows();
    for (const auto& user : r.users) {
        const bool any = filter.accepts(user, &r.run, &r.notes);
        (void)filter.accepts(user, &r.run, nullptr);
        (void)filter.accepts(user, nullptr, &r.notes);
        if (filter.isEmpty())
            R2P_FUZZ_CHECK(any && filter.accepts(user));
    }
    (void)filter.mentionsAnnotations();
    return 0;
}
