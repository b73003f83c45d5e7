#pragma once
// A boot::PhysicalReader over a few regions of fake physical memory: either
// recorded from a real boot (sys/tests/fixtures/*.txt, lines of
// "bootinfo <address> <bytes...>") or built by a test.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "boot/boot_info.h"

namespace test {

class FixtureReader final : public boot::PhysicalReader {
public:
    // Each region gets its own exactly-sized allocation, so a parser that
    // reads past what it was given trips AddressSanitizer.
    void add(uint64_t address, const std::vector<unsigned char>& bytes)
    {
        Region region { address, bytes.size(), std::make_unique<unsigned char[]>(bytes.size() ? bytes.size() : 1) };
        std::copy(bytes.begin(), bytes.end(), region.bytes.get());
        regions_.push_back(std::move(region));
    }

    using Recorded = std::vector<std::pair<uint64_t, std::vector<unsigned char>>>;

    // Consecutive lines whose addresses follow on from each other form one
    // region; a line that does not continue the previous one starts another
    // (the recorder splits each read into 32-byte lines).
    static Recorded read_fixture(const std::string& path)
    {
        Recorded regions;
        std::ifstream file(path);
        std::string line;
        while (std::getline(file, line)) {
            std::istringstream words(line);
            std::string tag, address_text;
            if (!(words >> tag >> address_text) || tag != "bootinfo")
                continue;
            uint64_t address = std::stoull(address_text, nullptr, 16);
            if (regions.empty() || address != regions.back().first + regions.back().second.size())
                regions.push_back({ address, {} });
            std::string byte;
            while (words >> byte)
                regions.back().second.push_back(static_cast<unsigned char>(std::stoul(byte, nullptr, 16)));
        }
        return regions;
    }

    bool load(const std::string& path)
    {
        for (const auto& [address, bytes] : read_fixture(path))
            add(address, bytes);
        return !regions_.empty();
    }

    uint64_t first_address() const { return regions_.empty() ? 0 : regions_.front().address; }
    size_t reads() const { return reads_; }

    klib::Optional<klib::ReadonlyBytes> read(uint64_t address, uint64_t size) override
    {
        ++reads_;
        for (const Region& r : regions_) {
            if (address >= r.address && address - r.address <= r.size && size <= r.size - (address - r.address))
                return klib::ReadonlyBytes(r.bytes.get() + (address - r.address), size);
        }
        return {};
    }

    // Like the kernel's reader: at most max_length characters, then the NUL,
    // all within the region.
    klib::Optional<klib::StringView> read_string(uint64_t address, size_t max_length) override
    {
        ++reads_;
        for (const Region& r : regions_) {
            if (address < r.address || address - r.address >= r.size)
                continue;
            auto* text = reinterpret_cast<const char*>(r.bytes.get() + (address - r.address));
            size_t available = r.size - (address - r.address);
            for (size_t length = 0; length < available && length <= max_length; ++length)
                if (!text[length])
                    return klib::StringView(text, length);
        }
        return {};
    }

private:
    struct Region {
        uint64_t address;
        size_t size;
        std::unique_ptr<unsigned char[]> bytes;
    };
    std::vector<Region> regions_;
    size_t reads_ { 0 };
};

// Little-endian building blocks for hand-made loader structures.
inline void put32(std::vector<unsigned char>& out, uint32_t v)
{
    for (int i = 0; i < 4; ++i)
        out.push_back(static_cast<unsigned char>(v >> (8 * i)));
}
inline void put64(std::vector<unsigned char>& out, uint64_t v)
{
    put32(out, static_cast<uint32_t>(v));
    put32(out, static_cast<uint32_t>(v >> 32));
}
inline void set32(std::vector<unsigned char>& out, size_t offset, uint32_t v)
{
    for (int i = 0; i < 4; ++i)
        out.at(offset + i) = static_cast<unsigned char>(v >> (8 * i));
}

inline std::string str(klib::StringView s) { return std::string(s.data(), s.size()); }

} // namespace test
