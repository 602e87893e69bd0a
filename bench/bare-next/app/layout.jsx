// The smallest Next.js app: the baseline for the home page's first-load JavaScript.
export default function RootLayout({ children }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
