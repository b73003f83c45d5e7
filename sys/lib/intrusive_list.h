#pragma once
#include <stddef.h>

#include "lib/assert.h"

namespace klib {

// A node embedded in the listed object: linking never allocates, so lists
// can be used where allocation must not fail (schedulers, allocators).
struct IntrusiveListNode {
    IntrusiveListNode* prev { nullptr };
    IntrusiveListNode* next { nullptr };
    bool is_linked() const { return next != nullptr; }
};

template <typename T, IntrusiveListNode T::*Member>
class IntrusiveList {
public:
    IntrusiveList() { head_.prev = head_.next = &head_; }
    IntrusiveList(const IntrusiveList&) = delete;
    IntrusiveList& operator=(const IntrusiveList&) = delete;
    ~IntrusiveList() { KASSERT(is_empty()); }

    bool is_empty() const { return head_.next == &head_; }
    size_t size() const
    {
        size_t n = 0;
        for (auto* node = head_.next; node != &head_; node = node->next)
            ++n;
        return n;
    }

    void push_back(T& object) { insert_before(&head_, node_of(object)); }
    void insert_before(T& position, T& object) { insert_before(node_of(position), node_of(object)); }
    void push_front(T& object) { insert_before(head_.next, node_of(object)); }
    // Inserts `object` after every element it does not order before
    // (`less(a, b)`: a comes first), so equal elements keep their insertion
    // order. Searches from the back, where a later key usually goes.
    template <typename Less>
    void insert_sorted(T& object, Less less)
    {
        IntrusiveListNode* position = &head_;
        while (position->prev != &head_ && less(object, *owner_of(position->prev)))
            position = position->prev;
        insert_before(position, node_of(object));
    }

    T* first() const { return is_empty() ? nullptr : owner_of(head_.next); }
    T* last() const { return is_empty() ? nullptr : owner_of(head_.prev); }
    T* next(T& object) const
    {
        auto* node = node_of(object)->next;
        return node == &head_ ? nullptr : owner_of(node);
    }

    T* pop_front()
    {
        T* object = first();
        if (object)
            remove(*object);
        return object;
    }

    static void remove(T& object)
    {
        IntrusiveListNode* node = node_of(object);
        KASSERT(node->is_linked());
        node->prev->next = node->next;
        node->next->prev = node->prev;
        node->prev = node->next = nullptr;
    }

    class Iterator {
    public:
        Iterator(IntrusiveListNode* node) : node_(node), next_(node->next) {}
        T& operator*() const { return *owner_of(node_); }
        // Stepping uses the successor saved before the body ran, so the body
        // may remove the current element.
        Iterator& operator++()
        {
            node_ = next_;
            next_ = node_->next;
            return *this;
        }
        bool operator!=(const Iterator& other) const { return node_ != other.node_; }

    private:
        IntrusiveListNode* node_;
        IntrusiveListNode* next_;
    };
    Iterator begin() { return Iterator(head_.next); }
    Iterator end() { return Iterator(&head_); }

private:
    static IntrusiveListNode* node_of(T& object) { return &(object.*Member); }
    // The member's offset inside T is computed from a null object, which
    // never touches memory; the sanitizer's null check is turned off for it.
    __attribute__((no_sanitize("undefined"))) static T* owner_of(IntrusiveListNode* node)
    {
        auto offset = reinterpret_cast<size_t>(&(static_cast<T*>(nullptr)->*Member));
        return reinterpret_cast<T*>(reinterpret_cast<char*>(node) - offset);
    }
    static void insert_before(IntrusiveListNode* position, IntrusiveListNode* node)
    {
        KASSERT(!node->is_linked());
        node->next = position;
        node->prev = position->prev;
        position->prev->next = node;
        position->prev = node;
    }

    IntrusiveListNode head_;
};

} // namespace klib
