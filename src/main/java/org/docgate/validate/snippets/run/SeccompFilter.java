package org.docgate.validate.snippets.run;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * A classic-BPF seccomp program, in the form bwrap's {@code --seccomp FD} loads, that refuses (EPERM) the two ways a
 * sandboxed process can hold memory no rlimit counts: SysV shared memory ({@code shmget}: a run held 900 MB) and memfd
 * files ({@code memfd_create}, {@code memfd_secret}: 600 MB in 40 of them). Everything else is allowed; the other
 * limits are bwrap's and prlimit's. Syscalls of a foreign ABI (x32, or a 32-bit arch through {@code int 0x80}) are
 * refused as a whole, since their numbers differ. Only x86-64 and aarch64 are known; elsewhere there is no filter and
 * {@link #forThisMachine()} is empty (the README says so).
 */
final class SeccompFilter {
  private static final int LD_W_ABS = 0x20;
  private static final int JEQ_K = 0x15;
  private static final int JGE_K = 0x35;
  private static final int RET_K = 0x06;
  private static final int ALLOW = 0x7fff0000;
  private static final int ERRNO_EPERM = 0x00050000 | 1;
  private static final int X32_BIT = 0x40000000;

  private record Arch(int audit, int shmget, int memfdCreate, int memfdSecret) {}

  private static final Arch X86_64 = new Arch(0xc000003e, 29, 319, 447);
  private static final Arch AARCH64 = new Arch(0xc00000b7, 194, 279, 447);

  private static volatile Optional<Path> written;

  private SeccompFilter() {}

  /** The program for {@code os.arch}, or empty where docgate does not know the syscall numbers. */
  static Optional<byte[]> program(String osArch) {
    Arch arch = switch (osArch) {
      case "amd64", "x86_64" -> X86_64;
      case "aarch64", "arm64" -> AARCH64;
      default -> null;
    };
    if (arch == null) {
      return Optional.empty();
    }
    ByteBuffer b = ByteBuffer.allocate(9 * 8).order(ByteOrder.nativeOrder());
    // jump offsets count from the next instruction; 8 is the refusal, 7 the allowance
    put(b, LD_W_ABS, 0, 0, 4); // 0: seccomp_data.arch
    put(b, JEQ_K, 0, 6, arch.audit()); // 1: a foreign ABI -> 8
    put(b, LD_W_ABS, 0, 0, 0); // 2: seccomp_data.nr
    put(b, JGE_K, 4, 0, X32_BIT); // 3: x32 numbers -> 8
    put(b, JEQ_K, 3, 0, arch.shmget()); // 4 -> 8
    put(b, JEQ_K, 2, 0, arch.memfdCreate()); // 5 -> 8
    put(b, JEQ_K, 1, 0, arch.memfdSecret()); // 6 -> 8
    put(b, RET_K, 0, 0, ALLOW); // 7
    put(b, RET_K, 0, 0, ERRNO_EPERM); // 8
    return Optional.of(b.array());
  }

  /**
   * The program for this machine in a file any uid can read (the sandbox may run under a uid of its own), written
   * once per JVM; empty where there is no program or it cannot be written.
   */
  static Optional<Path> forThisMachine() {
    Optional<Path> file = written;
    if (file == null) {
      synchronized (SeccompFilter.class) {
        file = written;
        if (file == null) {
          file = write(System.getProperty("os.arch"));
          written = file;
        }
      }
    }
    return file;
  }

  private static Optional<Path> write(String osArch) {
    Optional<byte[]> program = program(osArch);
    if (program.isEmpty()) {
      return Optional.empty();
    }
    try {
      Path dir = Files.createTempDirectory("docgate-seccomp-",
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
      Path file = Files.write(dir.resolve("filter.bpf"), program.get());
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
      file.toFile().deleteOnExit();
      dir.toFile().deleteOnExit();
      return Optional.of(file);
    } catch (IOException | UnsupportedOperationException e) {
      return Optional.empty();
    }
  }

  private static void put(ByteBuffer b, int code, int jt, int jf, int k) {
    b.putShort((short) code).put((byte) jt).put((byte) jf).putInt(k);
  }
}
