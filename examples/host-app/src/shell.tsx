import type { ReactNode } from 'react';

/** The page frame every mode renders into; `account` is the signed-in part of the banner. */
export function Shell({ account, children, note }: { account?: ReactNode; children: ReactNode; note: ReactNode }) {
  return (
    <>
      <header className="app-header">
        <p className="app-brand">Acme</p>
        {account}
      </header>
      <main className="app-main" id="main">
        <h1 id="page-title" tabIndex={-1}>
          Account security
        </h1>
        {children}
      </main>
      <footer className="app-footer">
        <p>{note}</p>
      </footer>
    </>
  );
}
