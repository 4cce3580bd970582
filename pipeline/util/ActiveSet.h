// The jobs in flight that a cancel() from another thread must reach: a worker adds its job for
// as long as it runs (an RAII entry, so a throwing job is removed too), cancel() visits them.
#pragma once

#include <algorithm>
#include <mutex>
#include <vector>

namespace r2p::util {

template <class T> class ActiveSet {
public:
    // Keeps `item` in the set until destroyed.
    class Entry {
    public:
        Entry(ActiveSet& set, T& item) : set_(set), item_(&item) {
            std::lock_guard lock(set_.mutex_);
            set_.items_.push_back(item_);
        }
        ~Entry() {
            std::lock_guard lock(set_.mutex_);
            std::erase(set_.items_, item_);
        }
        Entry(const Entry&) = delete;
        Entry& operator=(const Entry&) = delete;

    private:
        ActiveSet& set_;
        T* item_;
    };

    // Calls visit(T&) for every item in the set, under the set's lock.
    template <class Visit> void forEach(Visit&& visit) {
        std::lock_guard lock(mutex_);
        for (T* item : items_)
            visit(*item);
    }

private:
    std::mutex mutex_;
    std::vector<T*> items_; // guarded by mutex_
};

} // namespace r2p::util
