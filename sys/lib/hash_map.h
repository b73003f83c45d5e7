#pragma once
#include <stddef.h>
#include <stdint.h>
#include <new>
#include <utility>

#include "lib/error_or.h"
#include "lib/string_view.h"

namespace klib {

template <typename K>
struct Hash;

template <>
struct Hash<StringView> {
    static uint64_t hash(StringView s) { return hash_bytes(s.data(), s.size()); }
};

template <>
struct Hash<uint64_t> {
    static uint64_t hash(uint64_t v)
    {
        v ^= v >> 33;
        v *= 0xff51afd7ed558ccdull;
        v ^= v >> 33;
        return v;
    }
};

// Open addressing with linear probing and backward-shift deletion (no
// tombstones), kept at most 3/4 full.
template <typename K, typename V, typename H = Hash<K>>
class HashMap {
    struct Slot {
        bool used { false };
        alignas(K) unsigned char key_storage[sizeof(K)];
        alignas(V) unsigned char value_storage[sizeof(V)];
        K& key() { return *std::launder(reinterpret_cast<K*>(key_storage)); }
        V& value() { return *std::launder(reinterpret_cast<V*>(value_storage)); }
    };

public:
    HashMap() = default;
    HashMap(const HashMap&) = delete;
    HashMap& operator=(const HashMap&) = delete;
    ~HashMap()
    {
        clear();
        delete[] slots_;
    }

    size_t size() const { return size_; }
    bool is_empty() const { return size_ == 0; }

    V* get(const K& key)
    {
        if (!capacity_)
            return nullptr;
        for (size_t i = index_for(key);; i = (i + 1) & (capacity_ - 1)) {
            Slot& slot = slots_[i];
            if (!slot.used)
                return nullptr;
            if (slot.key() == key)
                return &slot.value();
        }
    }
    bool contains(const K& key) { return get(key) != nullptr; }

    // Inserts or replaces. On failure the map is unchanged.
    ErrorOr<void> try_set(K key, V value)
    {
        if (V* existing = get(key)) {
            *existing = std::move(value);
            return {};
        }
        if ((size_ + 1) * 4 > capacity_ * 3)
            TRY(rehash(capacity_ ? capacity_ * 2 : 16));
        insert_new(std::move(key), std::move(value));
        return {};
    }

    bool remove(const K& key)
    {
        if (!capacity_)
            return false;
        size_t i = index_for(key);
        for (;; i = (i + 1) & (capacity_ - 1)) {
            if (!slots_[i].used)
                return false;
            if (slots_[i].key() == key)
                break;
        }
        destroy(slots_[i]);
        // Shift later members of the probe chain back so lookups still find them.
        size_t hole = i;
        for (size_t j = (i + 1) & (capacity_ - 1); slots_[j].used; j = (j + 1) & (capacity_ - 1)) {
            size_t home = index_for(slots_[j].key());
            bool movable = hole <= j ? (home <= hole || home > j) : (home <= hole && home > j);
            if (movable) {
                new (slots_[hole].key_storage) K(std::move(slots_[j].key()));
                new (slots_[hole].value_storage) V(std::move(slots_[j].value()));
                slots_[hole].used = true;
                destroy(slots_[j]);
                hole = j;
            }
        }
        --size_;
        return true;
    }

    void clear()
    {
        for (size_t i = 0; i < capacity_; ++i)
            if (slots_[i].used)
                destroy(slots_[i]);
        size_ = 0;
    }

    template <typename F>
    void for_each(F&& callback)
    {
        for (size_t i = 0; i < capacity_; ++i)
            if (slots_[i].used)
                callback(slots_[i].key(), slots_[i].value());
    }

private:
    size_t index_for(const K& key) const { return H::hash(key) & (capacity_ - 1); }

    static void destroy(Slot& slot)
    {
        slot.key().~K();
        slot.value().~V();
        slot.used = false;
    }

    void insert_new(K&& key, V&& value)
    {
        size_t i = index_for(key);
        while (slots_[i].used)
            i = (i + 1) & (capacity_ - 1);
        new (slots_[i].key_storage) K(std::move(key));
        new (slots_[i].value_storage) V(std::move(value));
        slots_[i].used = true;
        ++size_;
    }

    ErrorOr<void> rehash(size_t new_capacity)
    {
        Slot* fresh = new (std::nothrow) Slot[new_capacity];
        if (!fresh)
            return ErrorCode::NoMemory;
        Slot* old = slots_;
        size_t old_capacity = capacity_;
        slots_ = fresh;
        capacity_ = new_capacity;
        size_ = 0;
        for (size_t i = 0; i < old_capacity; ++i) {
            if (old[i].used) {
                insert_new(std::move(old[i].key()), std::move(old[i].value()));
                destroy(old[i]);
            }
        }
        delete[] old;
        return {};
    }

    Slot* slots_ { nullptr };
    size_t capacity_ { 0 };
    size_t size_ { 0 };
};

} // namespace klib
