#pragma once
// A value type that keeps a register of its live instances, so container
// tests can prove that every object constructed is destroyed exactly once
// and that nothing is read after it died.
#include <gtest/gtest.h>

#include <set>

namespace test {

class Tracked {
public:
    // Addresses of the objects currently alive.
    static std::set<const Tracked*>& live()
    {
        static std::set<const Tracked*> objects;
        return objects;
    }
    static size_t live_count() { return live().size(); }
    // Set when an object was copied or moved from, assigned to or destroyed
    // while not alive: use after destruction or double destruction.
    static bool& misuse()
    {
        static bool flag = false;
        return flag;
    }

    Tracked(int value = 0) : value_(value) { born(); }
    Tracked(const Tracked& other) : value_(value_of(other)) { born(); }
    Tracked(Tracked&& other) : value_(value_of(other))
    {
        if (is_alive(other))
            other.value_ = -1;
        born();
    }
    Tracked& operator=(const Tracked& other)
    {
        int value = value_of(other);
        if (is_alive(*this))
            value_ = value;
        return *this;
    }
    Tracked& operator=(Tracked&& other)
    {
        int value = value_of(other);
        if (is_alive(*this))
            value_ = value;
        if (is_alive(other) && &other != this)
            other.value_ = -1;
        return *this;
    }
    ~Tracked()
    {
        if (live().erase(this) != 1)
            misuse() = true;
    }

    int value() const { return value_of(*this); }
    bool operator==(const Tracked& other) const { return value() == other.value(); }

private:
    // Reading a dead object would be undefined; the register lets us notice
    // without touching its memory.
    static bool is_alive(const Tracked& object)
    {
        if (live().count(&object))
            return true;
        misuse() = true;
        return false;
    }
    static int value_of(const Tracked& object) { return is_alive(object) ? object.value_ : -999; }
    void born()
    {
        if (!live().insert(this).second)
            misuse() = true;
    }

    int value_;
};

// Checks at the end of a test that the Tracked register balances.
class TrackedTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        baseline_ = Tracked::live_count();
        Tracked::misuse() = false;
    }
    void TearDown() override
    {
        EXPECT_EQ(Tracked::live_count(), baseline_) << "Tracked objects leaked or destroyed twice";
        EXPECT_FALSE(Tracked::misuse()) << "a Tracked object was used while dead";
    }

private:
    size_t baseline_ { 0 };
};

} // namespace test
