#include "tty/line_discipline.h"

namespace tty {

namespace {
constexpr uint8_t control(char letter) { return static_cast<uint8_t>(letter) & 0x1f; }
bool is_control(uint8_t byte) { return byte < 0x20 || byte == 0x7f; }
bool is_utf8_continuation(uint8_t byte) { return (byte & 0xc0) == 0x80; }
bool is_blank(uint8_t byte) { return byte == ' ' || byte == '\t'; }
} // namespace

Termios default_termios()
{
    Termios t {};
    t.c_iflag = BANOS_ICRNL;
    t.c_oflag = BANOS_OPOST | BANOS_ONLCR;
    t.c_cflag = BANOS_CS8 | BANOS_CREAD;
    t.c_lflag = BANOS_ISIG | BANOS_ICANON | BANOS_ECHO | BANOS_ECHOE | BANOS_ECHOK | BANOS_IEXTEN;
    t.c_cc[BANOS_VINTR] = control('C');
    t.c_cc[BANOS_VQUIT] = control('\\');
    t.c_cc[BANOS_VERASE] = 0x7f;
    t.c_cc[BANOS_VKILL] = control('U');
    t.c_cc[BANOS_VEOF] = control('D');
    t.c_cc[BANOS_VTIME] = 0;
    t.c_cc[BANOS_VMIN] = 1;
    t.c_cc[BANOS_VSTART] = control('Q');
    t.c_cc[BANOS_VSTOP] = control('S');
    t.c_cc[BANOS_VSUSP] = control('Z');
    t.c_cc[BANOS_VWERASE] = control('W');
    // The actual line rate, in bits per second.
    t.c_ispeed = 115200;
    t.c_ospeed = 115200;
    return t;
}

LineDiscipline::LineDiscipline() : termios_(default_termios()) {}

bool LineDiscipline::is_canonical() const { return lflag(BANOS_ICANON); }

void LineDiscipline::set_termios(const Termios& termios)
{
    bool was_canonical = is_canonical();
    termios_ = termios;
    if (was_canonical == is_canonical())
        return;
    for (auto& word : delimiters_)
        word = 0;
    if (!is_canonical()) {
        // The line being edited becomes readable as it is.
        drop_end_of_file_marks();
        committed_ = count_;
        return;
    }
    // Bytes typed ahead in raw mode form one readable line.
    if (count_)
        mark(delimiters_, count_ - 1, true);
    committed_ = count_;
    line_start_column_ = column_;
}

// Input.

bool LineDiscipline::test(const uint64_t* flags, size_t offset) const
{
    size_t s = slot(offset);
    return flags[s / 64] & (1ull << (s % 64));
}

void LineDiscipline::mark(uint64_t* flags, size_t offset, bool value)
{
    size_t s = slot(offset);
    if (value)
        flags[s / 64] |= 1ull << (s % 64);
    else
        flags[s / 64] &= ~(1ull << (s % 64));
}

void LineDiscipline::append(uint8_t byte, bool delimiter, bool end_of_file)
{
    if (count_ >= kCapacity)
        return;
    buffer_[slot(count_)] = byte;
    mark(delimiters_, count_, delimiter);
    mark(end_of_file_, count_, end_of_file);
    ++count_;
}

void LineDiscipline::consume(size_t count)
{
    head_ = slot(count);
    count_ -= count;
    committed_ -= count;
    if (count_ == 0)
        head_ = 0;
}

void LineDiscipline::drop_end_of_file_marks()
{
    size_t kept = 0;
    for (size_t offset = 0; offset < count_; ++offset) {
        if (test(end_of_file_, offset)) {
            mark(end_of_file_, offset, false);
            continue;
        }
        buffer_[slot(kept++)] = buffer_[slot(offset)];
    }
    count_ = kept;
    committed_ = committed_ < kept ? committed_ : kept;
}

void LineDiscipline::flush_input()
{
    head_ = count_ = committed_ = 0;
    for (size_t i = 0; i < kFlagWords; ++i)
        delimiters_[i] = end_of_file_[i] = 0;
}

int LineDiscipline::receive(uint8_t byte, Output& echo)
{
    uint32_t iflag = termios_.c_iflag;
    if (byte == '\r') {
        if (iflag & BANOS_IGNCR)
            return 0;
        if (iflag & BANOS_ICRNL)
            byte = '\n';
    } else if (byte == '\n' && (iflag & BANOS_INLCR)) {
        byte = '\r';
    }
    bool echoing = lflag(BANOS_ECHO);

    if (lflag(BANOS_ISIG)) {
        int signal = is_special(byte, BANOS_VINTR) ? BANOS_SIGINT
            : is_special(byte, BANOS_VQUIT)        ? BANOS_SIGQUIT
            : is_special(byte, BANOS_VSUSP)        ? BANOS_SIGTSTP
                                                   : 0;
        if (signal) {
            if (!lflag(BANOS_NOFLSH))
                flush_input();
            if (echoing)
                echo_byte(byte, echo);
            return signal;
        }
    }

    if (!is_canonical()) {
        if (count_ >= kCapacity) {
            if (echoing)
                emit("\a", echo);
            return 0;
        }
        if (echoing)
            echo_byte(byte, echo);
        append(byte, false, false);
        committed_ = count_;
        return 0;
    }

    if (is_special(byte, BANOS_VERASE)) {
        erase(echo, false);
        return 0;
    }
    if (is_special(byte, BANOS_VKILL)) {
        kill_line(echo);
        return 0;
    }
    if (lflag(BANOS_IEXTEN) && is_special(byte, BANOS_VWERASE)) {
        erase(echo, true);
        return 0;
    }
    if (is_special(byte, BANOS_VEOF)) {
        // Ends the line without adding to it: a read returns what was typed,
        // or nothing (end of file) at the start of a line.
        if (count_ < kCapacity) {
            append(byte, true, true);
            commit_line();
        }
        return 0;
    }
    if (byte == '\n' || is_special(byte, BANOS_VEOL)) {
        if (count_ >= kCapacity) {
            if (echoing)
                emit("\a", echo);
            return 0;
        }
        if (echoing || (byte == '\n' && lflag(BANOS_ECHONL)))
            echo_byte(byte, echo);
        append(byte, true, false);
        commit_line();
        return 0;
    }
    if (byte == '\b') { // ^H erases too, whatever VERASE is
        erase(echo, false);
        return 0;
    }
    // The last slot is kept for the end of the line.
    if (count_ >= kCapacity - 1) {
        if (echoing)
            emit("\a", echo);
        return 0;
    }
    if (line_length() == 0)
        line_start_column_ = column_;
    if (echoing)
        echo_byte(byte, echo);
    append(byte, false, false);
    return 0;
}

bool LineDiscipline::can_read(size_t count) const
{
    if (is_canonical())
        return committed_ > 0;
    size_t minimum = cc(BANOS_VMIN);
    if (minimum == 0)
        return true;
    if (minimum > count)
        minimum = count;
    return committed_ >= minimum;
}

LineDiscipline::ReadResult LineDiscipline::read(klib::Bytes destination)
{
    if (!is_canonical()) {
        size_t n = committed_ < destination.size() ? committed_ : destination.size();
        for (size_t i = 0; i < n; ++i)
            destination[i] = at(i);
        consume(n);
        return { n, false };
    }
    size_t copied = 0, taken = 0;
    bool end_of_line = false;
    while (taken < committed_) {
        if (test(end_of_file_, taken)) {
            // Taken even when the destination is full: it only ends the read.
            ++taken;
            end_of_line = true;
            break;
        }
        if (copied == destination.size())
            break;
        bool delimiter = test(delimiters_, taken);
        destination[copied++] = at(taken++);
        if (delimiter) {
            end_of_line = true;
            break;
        }
    }
    consume(taken);
    return { copied, end_of_line };
}

// Line editing.

void LineDiscipline::commit_line() { committed_ = count_; }

void LineDiscipline::erase(Output& echo, bool whole_word)
{
    if (!whole_word) {
        erase_last(echo);
        return;
    }
    while (line_length() > 0 && is_blank(at(count_ - 1)))
        erase_last(echo);
    while (line_length() > 0 && !is_blank(at(count_ - 1)))
        erase_last(echo);
}

void LineDiscipline::erase_last(Output& echo)
{
    if (line_length() == 0)
        return;
    // A UTF-8 character goes as a whole.
    size_t last = count_ - 1;
    while (last > committed_ && is_utf8_continuation(at(last)))
        --last;
    uint8_t byte = at(last);
    count_ = last;
    if (!lflag(BANOS_ECHO))
        return;
    if (!lflag(BANOS_ECHOE)) {
        echo_byte(cc(BANOS_VERASE), echo);
        return;
    }
    if (byte == '\t') {
        // Back to where the tab started: recount the rest of the line.
        size_t target = column_after_line_prefix(line_length());
        for (size_t column = column_; column > target; --column)
            emit("\b", echo);
    } else if (is_control(byte)) {
        emit("\b \b\b \b", echo); // it was echoed as ^X
    } else {
        emit("\b \b", echo);
    }
}

void LineDiscipline::kill_line(Output& echo)
{
    if (line_length() == 0)
        return;
    if (lflag(BANOS_ECHO) && lflag(BANOS_ECHOE)) {
        while (line_length() > 0)
            erase_last(echo);
        return;
    }
    count_ = committed_;
    if (lflag(BANOS_ECHO)) {
        echo_byte(cc(BANOS_VKILL), echo);
        if (lflag(BANOS_ECHOK))
            emit("\n", echo);
    }
}

size_t LineDiscipline::column_after_line_prefix(size_t length) const
{
    size_t column = line_start_column_;
    for (size_t i = 0; i < length; ++i) {
        uint8_t byte = at(committed_ + i);
        if (byte == '\t')
            column = (column | 7) + 1;
        else if (is_control(byte))
            column += 2;
        else if (!is_utf8_continuation(byte))
            ++column;
    }
    return column;
}

// Echo and output.

void LineDiscipline::echo_byte(uint8_t byte, Output& echo)
{
    if (is_control(byte) && byte != '\n' && byte != '\t') {
        // Control characters show as ^X (^? for DEL).
        const uint8_t caret[2] = { '^', static_cast<uint8_t>(byte ^ 0x40) };
        emit(klib::ReadonlyBytes(caret, 2), echo);
        return;
    }
    emit(klib::ReadonlyBytes(&byte, 1), echo);
}

void LineDiscipline::emit(const char* text, Output& out)
{
    size_t length = 0;
    while (text[length])
        ++length;
    emit(klib::ReadonlyBytes(reinterpret_cast<const unsigned char*>(text), length), out);
}

void LineDiscipline::emit(klib::ReadonlyBytes bytes, Output& out) { write(bytes, out); }

void LineDiscipline::write(klib::ReadonlyBytes bytes, Output& out)
{
    unsigned char staged[128];
    size_t staged_count = 0;
    bool map_newline = (termios_.c_oflag & BANOS_OPOST) && (termios_.c_oflag & BANOS_ONLCR);
    for (uint8_t byte : bytes) {
        if (staged_count + 2 > sizeof(staged)) {
            out.write(klib::ReadonlyBytes(staged, staged_count));
            staged_count = 0;
        }
        if (byte == '\n' && map_newline) {
            staged[staged_count++] = '\r';
            track_column('\r');
        }
        staged[staged_count++] = byte;
        track_column(byte);
    }
    if (staged_count)
        out.write(klib::ReadonlyBytes(staged, staged_count));
}

void LineDiscipline::track_column(uint8_t byte)
{
    if (byte == '\r')
        column_ = 0;
    else if (byte == '\b')
        column_ = column_ ? column_ - 1 : 0;
    else if (byte == '\t')
        column_ = (column_ | 7) + 1;
    else if (!is_control(byte) && !is_utf8_continuation(byte))
        ++column_;
}

} // namespace tty
