// An absolute symbol at 0x400000000000 (64 TiB), defined apart from its user so the
// assembler cannot resolve the PC-relative reference itself: `ld -r` keeps
// it as an R_X86_64_PC32 for the loader.
asm(".globl banos_pc32_far_away\n.set banos_pc32_far_away, 0x400000000000");
