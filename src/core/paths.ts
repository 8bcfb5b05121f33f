// Path rules shared by every setting that takes a path, so `dojo.extraBanks` and `dojo.scratchFolder` agree.

/** POSIX `/…`, Windows `C:\…` or `C:/…`, or a UNC `\\server\…` path. */
export function isAbsolutePath(path: string): boolean {
  return /^(\/|[a-z]:[\\/]|\\\\)/i.test(path);
}
