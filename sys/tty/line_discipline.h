#pragma once
#include <stddef.h>
#include <stdint.h>

#include "abi-versions/v1/program/types.h"
#include "lib/span.h"

// The terminal line discipline: what happens to bytes between a terminal
// device and the programs reading and writing it. Pure logic (no locks, no
// blocking), so the host tests drive it directly; tty::Tty adds the locking,
// the waiting and the device.
namespace tty {

// The ioctl layouts are the program ABI's (the same in every ABI so far).
using Termios = banos_v1_termios;
using WindowSize = banos_v1_winsize;

// The device side of a terminal: where echo and processed output go.
class Output {
public:
    virtual void write(klib::ReadonlyBytes) = 0;

protected:
    ~Output() = default;
};

// A freshly opened terminal: canonical mode with echo and signals, CR read
// as NL, NL written as CR NL; ^C ^\ ^Z ^? ^U ^D ^W as the special characters.
Termios default_termios();

class LineDiscipline {
public:
    // Bytes of typed-ahead input kept at most; more is dropped (with a bell
    // when echoing). In canonical mode the last byte is kept for the line's
    // end, so a full line can still be finished with Enter.
    static constexpr size_t kCapacity = 4096;

    LineDiscipline();

    const Termios& termios() const { return termios_; }
    // Any values are accepted. Leaving canonical mode makes the line being
    // edited readable; entering it makes pending bytes one readable line.
    void set_termios(const Termios&);
    bool is_canonical() const;

    // One byte from the device. Echo goes to `echo`. Returns the signal a
    // special character raised for the foreground process group (ISIG), or 0.
    int receive(uint8_t byte, Output& echo);

    // Whether a read of `count` bytes (> 0) should stop waiting now: in
    // canonical mode a whole line (or an end of file) is there; otherwise at
    // least min(VMIN, count) bytes are (always, when VMIN is 0).
    bool can_read(size_t count) const;
    // Bytes a read may take now.
    size_t readable() const { return committed_; }

    struct ReadResult {
        size_t bytes;
        // Canonical mode: the read reached the end of a line (the newline is
        // in the bytes; an end-of-file mark is consumed but not copied, so a
        // zero-byte result with end_of_line is end of file).
        bool end_of_line;
    };
    // Takes up to destination.size() readable bytes; in canonical mode it
    // stops at the end of a line.
    ReadResult read(klib::Bytes destination);
    // Discards all input, including the line being edited.
    void flush_input();

    // Program output: output processing (OPOST, ONLCR), then to `out`.
    void write(klib::ReadonlyBytes, Output& out);

    // The output column as far as the discipline can tell (tab erase).
    size_t column() const { return column_; }

private:
    static constexpr size_t kFlagWords = kCapacity / 64;

    uint8_t cc(int index) const { return termios_.c_cc[index]; }
    bool is_special(uint8_t byte, int index) const { return cc(index) != 0 && byte == cc(index); }
    bool lflag(uint32_t flag) const { return termios_.c_lflag & flag; }

    size_t slot(size_t offset) const { return (head_ + offset) % kCapacity; }
    uint8_t at(size_t offset) const { return buffer_[slot(offset)]; }
    bool test(const uint64_t* flags, size_t offset) const;
    void mark(uint64_t* flags, size_t offset, bool value);
    void append(uint8_t byte, bool delimiter, bool end_of_file);
    void consume(size_t count);
    void drop_end_of_file_marks();

    // Line editing (canonical mode).
    size_t line_length() const { return count_ - committed_; }
    void commit_line();
    void erase(Output& echo, bool whole_word);
    void erase_last(Output& echo);
    void kill_line(Output& echo);

    // Echo and output processing.
    void echo_byte(uint8_t byte, Output& echo);
    void emit(klib::ReadonlyBytes, Output& out);
    void emit(const char* text, Output& out);
    void track_column(uint8_t byte);
    size_t column_after_line_prefix(size_t length) const;

    Termios termios_;
    uint8_t buffer_[kCapacity] {};
    uint64_t delimiters_[kFlagWords] {};  // a line ends after this byte
    uint64_t end_of_file_[kFlagWords] {}; // this byte is an EOF mark, never copied out
    size_t head_ { 0 };      // slot of the oldest byte
    size_t count_ { 0 };     // bytes held
    size_t committed_ { 0 }; // of those, readable (the rest is the line being edited)
    size_t column_ { 0 };
    size_t line_start_column_ { 0 };
};

} // namespace tty
