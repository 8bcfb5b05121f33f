// A countdown or elapsed time as the mock interview shows it: "12:04", "1:02:03" past an hour (whole seconds,
// rounded up while counting down so that "0:00" means the time is up).
export function clockText(ms: number, countingDown = true): string {
  const total = Math.max(0, countingDown ? Math.ceil(ms / 1000) : Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}
