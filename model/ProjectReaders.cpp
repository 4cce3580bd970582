#include "ProjectReaders.h"

#include "Sqlite.h"

#include <algorithm>

namespace r2p {

Result<std::shared_ptr<ProjectReaders>> ProjectReaders::open(const std::string& path,
                                                             std::size_t count) {
    std::shared_ptr<ProjectReaders> readers(new ProjectReaders());
    readers->count_ = std::max<std::size_t>(1, count);
    for (std::size_t i = 0; i < readers->count_; ++i) {
        auto store = ProjectStore::open(path, ProjectStore::OpenMode::ReadOnly);
        if (!store)
            return store.error();
        // A reader reads each answer once: a small page cache, not the writer's 32 MiB each.
        if (auto s = sql::exec((*store)->handle(), "PRAGMA cache_size=-2048"); !s)
            return Error{path + ": " + s.error().message};
        readers->free_.push_back(std::move(*store));
    }
    return readers;
}

ProjectReaders::Lease ProjectReaders::lend() {
    std::unique_lock lock(mutex_);
    returned_.wait(lock, [&] { return !free_.empty(); });
    auto store = std::move(free_.back());
    free_.pop_back();
    return Lease(this, std::move(store));
}

void ProjectReaders::giveBack(std::unique_ptr<ProjectStore> store) {
    {
        std::lock_guard lock(mutex_);
        free_.push_back(std::move(store));
    }
    returned_.notify_one();
}

ProjectReaders::Lease::Lease(ProjectReaders* owner, std::unique_ptr<ProjectStore> store)
    : owner_(owner), store_(std::move(store)) {}

ProjectReaders::Lease::Lease(Lease&& other) noexcept
    : owner_(other.owner_), store_(std::move(other.store_)) {}

ProjectReaders::Lease::~Lease() {
    if (store_)
        owner_->giveBack(std::move(store_));
}

} // namespace r2p
