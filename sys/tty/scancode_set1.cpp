#include "tty/scancode_set1.h"

namespace tty {

namespace {
constexpr uint8_t kExtendedPrefix = 0xe0;
constexpr uint8_t kPausePrefix = 0xe1;
constexpr uint8_t kReleased = 0x80;

// Scancodes 0x00..0x39 on a US layout, without and with Shift; 0 where the
// key is a modifier or nothing.
constexpr char kPlain[] = "\0\x1b"
                          "1234567890-=\x7f\t"
                          "qwertyuiop[]\r\0"
                          "asdfghjkl;'`\0\\"
                          "zxcvbnm,./\0*\0 ";
constexpr char kShifted[] = "\0\x1b"
                            "!@#$%^&*()_+\x7f\t"
                            "QWERTYUIOP{}\r\0"
                            "ASDFGHJKL:\"~\0|"
                            "ZXCVBNM<>?\0*\0 ";
constexpr size_t kTableSize = 0x3a;
static_assert(sizeof(kPlain) == kTableSize + 1 && sizeof(kShifted) == kTableSize + 1);

enum Code : uint8_t {
    kLeftCtrl = 0x1d,
    kLeftShift = 0x2a,
    kRightShift = 0x36,
    kLeftAlt = 0x38,
    kCapsLock = 0x3a,
    kF1 = 0x3b,
    kF10 = 0x44,
    kNumLock = 0x45,
    kKeypadFirst = 0x47,
    kKeypadLast = 0x53,
    kIso102nd = 0x56,
    kF11 = 0x57,
    kF12 = 0x58,
};

const char* const kFunctionKeys[12] = {
    "\x1bOP", "\x1bOQ", "\x1bOR", "\x1bOS", "\x1b[15~", "\x1b[17~",
    "\x1b[18~", "\x1b[19~", "\x1b[20~", "\x1b[21~", "\x1b[23~", "\x1b[24~",
};

// The cursor and editing keys (extended codes, and the keypad without Num
// Lock), by scancode.
const char* navigation(uint8_t code)
{
    switch (code) {
    case 0x47: return "\x1b[H";  // Home
    case 0x48: return "\x1b[A";  // Up
    case 0x49: return "\x1b[5~"; // Page Up
    case 0x4b: return "\x1b[D";  // Left
    case 0x4d: return "\x1b[C";  // Right
    case 0x4f: return "\x1b[F";  // End
    case 0x50: return "\x1b[B";  // Down
    case 0x51: return "\x1b[6~"; // Page Down
    case 0x52: return "\x1b[2~"; // Insert
    case 0x53: return "\x1b[3~"; // Delete
    default: return nullptr;
    }
}

size_t copy_text(const char* text, uint8_t (&out)[ScancodeSet1Decoder::kMaxOutput])
{
    size_t n = 0;
    while (text[n] && n < ScancodeSet1Decoder::kMaxOutput) {
        out[n] = static_cast<uint8_t>(text[n]);
        ++n;
    }
    return n;
}

// What Ctrl makes of a character (as terminals do: letters and @[\]^_ lose
// their upper bits, space, 2 and 6, - and / stand in for the unreachable ones).
uint8_t with_ctrl(uint8_t c)
{
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 1;
    if (c >= '@' && c <= '_')
        return c & 0x1f;
    switch (c) {
    case ' ':
    case '2': return 0x00;
    case '6': return 0x1e;
    case '-':
    case '/': return 0x1f;
    case '?': return 0x7f;
    default: return c;
    }
}
} // namespace

size_t ScancodeSet1Decoder::feed(uint8_t scancode, uint8_t (&out)[kMaxOutput])
{
    if (pause_bytes_left_) {
        --pause_bytes_left_;
        return 0;
    }
    switch (scancode) {
    case kExtendedPrefix:
        extended_ = true;
        return 0;
    case kPausePrefix:
        // Pause/Break: E1 1D 45 E1 9D C5, no release; it produces nothing.
        pause_bytes_left_ = 5;
        extended_ = false;
        return 0;
    case 0x00: // errors, acknowledgements and echoes from the keyboard
    case 0xee:
    case 0xfa:
    case 0xfc:
    case 0xfd:
    case 0xfe:
    case 0xff:
        extended_ = false;
        return 0;
    default:
        break;
    }
    bool released = scancode & kReleased;
    uint8_t code = scancode & ~kReleased;
    if (extended_) {
        extended_ = false;
        return decode_extended(code, released, out);
    }
    return decode_plain(code, released, out);
}

size_t ScancodeSet1Decoder::decode_extended(uint8_t code, bool released, uint8_t (&out)[kMaxOutput])
{
    switch (code) {
    case kLeftCtrl: // the right Ctrl
        right_ctrl_ = !released;
        return 0;
    case kLeftAlt: // the right Alt (AltGr): a second Alt
        right_alt_ = !released;
        return 0;
    default:
        break;
    }
    if (released)
        return 0;
    if (code == 0x1c) // keypad Enter
        return character('\r', out);
    if (code == 0x35) // keypad /
        return character('/', out);
    if (const char* sequence = navigation(code))
        return copy_text(sequence, out);
    // Fake shifts around Print Screen and the cursor keys, the Windows and
    // menu keys, multimedia keys: nothing.
    return 0;
}

size_t ScancodeSet1Decoder::decode_plain(uint8_t code, bool released, uint8_t (&out)[kMaxOutput])
{
    switch (code) {
    case kLeftShift:
        left_shift_ = !released;
        return 0;
    case kRightShift:
        right_shift_ = !released;
        return 0;
    case kLeftCtrl:
        left_ctrl_ = !released;
        return 0;
    case kLeftAlt:
        left_alt_ = !released;
        return 0;
    case kCapsLock:
        if (!released)
            caps_lock_ = !caps_lock_;
        return 0;
    case kNumLock:
        if (!released)
            num_lock_ = !num_lock_;
        return 0;
    default:
        break;
    }
    if (released)
        return 0;
    if (code >= kF1 && code <= kF10)
        return copy_text(kFunctionKeys[code - kF1], out);
    if (code == kF11 || code == kF12)
        return copy_text(kFunctionKeys[code - kF11 + 10], out);
    if (code >= kKeypadFirst && code <= kKeypadLast) {
        constexpr char kKeypad[] = "789-456+1230.";
        char key = kKeypad[code - kKeypadFirst];
        if (num_lock_ || key == '-' || key == '+')
            return character(static_cast<uint8_t>(key), out);
        const char* sequence = navigation(code);
        return sequence ? copy_text(sequence, out) : 0; // keypad 5
    }
    if (code == kIso102nd)
        return character(shift() ? '|' : '\\', out);
    if (code >= kTableSize)
        return 0;
    uint8_t plain = static_cast<uint8_t>(kPlain[code]);
    if (!plain)
        return 0;
    bool shifted = shift();
    if (plain >= 'a' && plain <= 'z' && caps_lock_)
        shifted = !shifted;
    return character(static_cast<uint8_t>(shifted ? kShifted[code] : plain), out);
}

size_t ScancodeSet1Decoder::character(uint8_t ascii, uint8_t (&out)[kMaxOutput]) const
{
    size_t n = 0;
    if (alt())
        out[n++] = 0x1b; // Alt sends ESC first (the "meta sends escape" convention)
    out[n++] = ctrl() ? with_ctrl(ascii) : ascii;
    return n;
}

} // namespace tty
