/** Runs a benchmark child's work and ends the process: 0 when it finished, 1 (with the error) when it threw. */
export function runBenchChild(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
