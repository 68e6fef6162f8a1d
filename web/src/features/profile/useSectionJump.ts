import { useEffect, useRef, useState } from 'react';

/** The profile sections the seven bits open. */
export const PROFILE_SECTIONS = { source: 'profile-acquisition', referrals: 'profile-referrals', reasons: 'profile-reasons', risk: 'profile-reasons', thanks: 'profile-thanks' } as const;

/**
 * Opens a section of the profile: shows the overview tab it is on, then, once the tab is on
 * screen (it is not mounted while another tab is shown), scrolls to the section and moves the
 * focus there. Each jump happens once: coming back to the tab later does not jump again.
 */
export function useSectionJump(onOverview: boolean, showOverview: () => void) {
  const [target, setTarget] = useState<{ id: string } | null>(null);
  const done = useRef<{ id: string } | null>(null);
  useEffect(() => {
    if (!target || !onOverview || done.current === target) return;
    const section = document.getElementById(target.id);
    if (!section) return;
    done.current = target;
    section.scrollIntoView({ behavior: 'smooth', block: 'start' });
    section.focus({ preventScroll: true });
  }, [target, onOverview]);
  return (sectionId: string) => {
    if (!onOverview) showOverview();
    // A new object each time, so the same bit clicked twice jumps twice.
    setTarget({ id: sectionId });
  };
}
