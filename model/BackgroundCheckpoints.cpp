#include "BackgroundCheckpoints.h"

#include "ProjectStore.h"

#include <sqlite3.h>

namespace r2p {

Result<std::unique_ptr<BackgroundCheckpoints>> BackgroundCheckpoints::start(ProjectStore& store) {
    auto own = ProjectStore::open(store.path(), ProjectStore::OpenMode::Existing);
    if (!own)
        return own.error();
    std::unique_ptr<BackgroundCheckpoints> checkpoints(
        new BackgroundCheckpoints(store, std::move(*own)));
    checkpoints->thread_ = std::thread([c = checkpoints.get()] { c->run(); });
    std::lock_guard lock(store.mutex());
    sqlite3_wal_hook(store.handle(), &BackgroundCheckpoints::onCommit, checkpoints.get());
    return checkpoints;
}

BackgroundCheckpoints::BackgroundCheckpoints(ProjectStore& store, std::unique_ptr<ProjectStore> own)
    : store_(store), own_(std::move(own)) {}

BackgroundCheckpoints::~BackgroundCheckpoints() {
    {
        // The connection checkpoints itself again (this replaces the hook) before the thread
        // goes: no commit is left without one or the other.
        std::lock_guard lock(store_.mutex());
        sqlite3_wal_autocheckpoint(store_.handle(), ProjectStore::kWalCheckpointPages);
    }
    {
        std::lock_guard lock(mutex_);
        stop_ = true;
    }
    wake_.notify_one();
    if (thread_.joinable())
        thread_.join();
}

std::size_t BackgroundCheckpoints::checkpoints() const {
    std::lock_guard lock(mutex_);
    return made_;
}

bool BackgroundCheckpoints::waitForCheckpoints(std::size_t count,
                                               std::chrono::milliseconds timeout) const {
    std::unique_lock lock(mutex_);
    return made_cv_.wait_for(lock, timeout, [&] { return made_ >= count; });
}

int BackgroundCheckpoints::onCommit(void* self, sqlite3*, const char*, int pages) {
    if (pages >= ProjectStore::kWalCheckpointPages) {
        auto* c = static_cast<BackgroundCheckpoints*>(self);
        {
            std::lock_guard lock(c->mutex_);
            c->due_ = true;
        }
        c->wake_.notify_one();
    }
    return SQLITE_OK;
}

void BackgroundCheckpoints::run() {
    for (;;) {
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [&] { return due_ || stop_; });
            if (stop_)
                return;
            due_ = false;
        }
        // Passive: copies what the log holds of committed transactions that no reader still
        // needs, without waiting; what it leaves is copied by the next one.
        std::lock_guard lock(own_->mutex());
        sqlite3_wal_checkpoint_v2(own_->handle(), nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr,
                                  nullptr);
        {
            std::lock_guard count(mutex_);
            ++made_;
        }
        made_cv_.notify_all();
    }
}

} // namespace r2p
