"use client";

import { type ReactNode, useEffect, useRef } from "react";

/**
 * A page's main heading that takes focus when it appears, so after a client-side
 * navigation (a finished generation) keyboard and screen-reader users start at the
 * result instead of on <body>.
 */
export function FocusedHeading({
  children,
  className,
}: {
  children: ReactNode;
  className: string;
}) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
  }, []);
  return (
    <h1 ref={headingRef} tabIndex={-1} className={`${className} outline-none`}>
      {children}
    </h1>
  );
}
