#pragma once
#include <stddef.h>
#include <stdint.h>

// Turns PC keyboard scancodes (set 1, what an i8042 controller hands over
// with translation on) into the bytes a terminal sends for the keys: ASCII
// on a US layout, control characters with Ctrl, ESC-prefixed bytes with Alt,
// and ANSI/xterm escape sequences for the cursor, editing and function keys.
// Pure logic, so host tests drive it byte by byte.
namespace tty {

class ScancodeSet1Decoder {
public:
    // The most bytes one scancode can produce ("\e[24~", or Alt + a key).
    static constexpr size_t kMaxOutput = 8;

    // Takes one byte from the keyboard; writes what the key produced to
    // `out` and returns how many bytes that was (0 for modifiers, releases
    // and prefixes).
    size_t feed(uint8_t scancode, uint8_t (&out)[kMaxOutput]);

    bool shift() const { return left_shift_ || right_shift_; }
    bool ctrl() const { return left_ctrl_ || right_ctrl_; }
    bool alt() const { return left_alt_ || right_alt_; }
    bool caps_lock() const { return caps_lock_; }
    bool num_lock() const { return num_lock_; }

private:
    size_t decode_extended(uint8_t code, bool released, uint8_t (&out)[kMaxOutput]);
    size_t decode_plain(uint8_t code, bool released, uint8_t (&out)[kMaxOutput]);
    size_t character(uint8_t ascii, uint8_t (&out)[kMaxOutput]) const;

    bool extended_ { false };
    uint8_t pause_bytes_left_ { 0 };
    bool left_shift_ { false }, right_shift_ { false };
    bool left_ctrl_ { false }, right_ctrl_ { false };
    bool left_alt_ { false }, right_alt_ { false };
    bool caps_lock_ { false };
    bool num_lock_ { false };
};

} // namespace tty
