#pragma once
// TEMPORARY - the integrator deletes this file, awaiting_calls_merge.cpp
// and the one #include of it in operations.h when the "calls" branch
// (issue5-calls) is merged: that branch brings the real trap_readv,
// trap_writev, trap_poll, trap_alarm and trap_fchdir (kabi/common/*_traps.h)
// and the real sys::readv, writev, poll, poll_events, alarm, fchdir and
// spawn. Keeping both makes the build fail on the duplicate trap_*
// definitions, so the file cannot be forgotten.
//
// Until then these stand-ins let kernel ABI 3 build: each call fails with
// NotImplemented.
#include "kabi/common/basic_traps.h"

namespace kabi {

inline TrapResult trap_readv(const TrapArguments&) { return klib::ErrorCode::NotImplemented; }
inline TrapResult trap_writev(const TrapArguments&) { return klib::ErrorCode::NotImplemented; }
inline TrapResult trap_poll(const TrapArguments&) { return klib::ErrorCode::NotImplemented; }
inline TrapResult trap_alarm(const TrapArguments&) { return klib::ErrorCode::NotImplemented; }
inline TrapResult trap_fchdir(const TrapArguments&) { return klib::ErrorCode::NotImplemented; }

} // namespace kabi
