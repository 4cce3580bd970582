// Read-only connections to a project file, beside the connection that writes it. Threads that
// read often while another thread writes (a batch pass looks up 100,000 cached answers while
// groups of users are stored; ingest looks up each output line's request while answers are
// put) each read on a connection of their own instead of queueing for the writer's lock. With
// WAL a reader sees what was committed when its read began, never a writer's open transaction.
#pragma once

#include "ProjectStore.h"
#include "Result.h"

#include <condition_variable>
#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace r2p {

class ProjectReaders {
public:
    // Opens `count` (at least 1) read-only connections to the file; an error naming the file
    // when one cannot be opened (the caller then reads on its own connection).
    static Result<std::shared_ptr<ProjectReaders>> open(const std::string& path, std::size_t count);
    ProjectReaders(const ProjectReaders&) = delete;
    ProjectReaders& operator=(const ProjectReaders&) = delete;

    // A connection lent to one thread until the Lease is destroyed. Its statements are the
    // borrower's alone; it still takes the connection's mutex() like any reader.
    class Lease {
    public:
        Lease(Lease&& other) noexcept;
        Lease& operator=(Lease&&) = delete;
        ~Lease();
        ProjectStore& operator*() const { return *store_; }
        ProjectStore* operator->() const { return store_.get(); }

    private:
        friend class ProjectReaders;
        Lease(ProjectReaders* owner, std::unique_ptr<ProjectStore> store);
        ProjectReaders* owner_;
        std::unique_ptr<ProjectStore> store_;
    };
    // Waits while every connection is lent (a pool lends at most as many as it has threads).
    Lease lend();
    std::size_t size() const { return count_; }

private:
    ProjectReaders() = default;
    void giveBack(std::unique_ptr<ProjectStore> store);

    std::size_t count_ = 0;
    std::mutex mutex_;
    std::condition_variable returned_;
    std::vector<std::unique_ptr<ProjectStore>> free_; // guarded by mutex_
};

} // namespace r2p
