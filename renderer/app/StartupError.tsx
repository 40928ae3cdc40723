export function StartupError({ message }: { message: string }) {
  return (
    <main className="startup-error" role="alert">
      <h1>Checkpoint Station cannot start</h1>
      <p>{message}</p>
    </main>
  );
}
