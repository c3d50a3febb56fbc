#ifndef INFLOW_CLIBFUZZER_H
#define INFLOW_CLIBFUZZER_H

#include <stddef.h>
#include <stdint.h>

/// libFuzzer's driver (compiler-rt, LLVM 13 and later): parses the libFuzzer flags in argv and runs
/// `callback` on each input. Linked in by `-sanitize=fuzzer`; only call it in a build that has it.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
