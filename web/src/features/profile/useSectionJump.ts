import { useEffect, useState } from 'react';

/** The profile sections the seven bits open. */
export const PROFILE_SECTIONS = { source: 'profile-acquisition', referrals: 'profile-referrals' } as const;

/**
 * Opens a section of the profile: shows the tab it is on, then scrolls to it and moves the focus
 * there once it is on screen (the overview tab is not mounted while another tab is shown).
 */
export function useSectionJump(showOverview: () => void) {
  const [target, setTarget] = useState<{ id: string } | null>(null);
  useEffect(() => {
    if (!target) return;
    const section = document.getElementById(target.id);
    section?.scrollIntoView({ behavior: 'smooth', block: 'start' });
    section?.focus({ preventScroll: true });
  }, [target]);
  return (sectionId: string) => {
    showOverview();
    // A new object each time, so the same bit clicked twice scrolls twice.
    setTarget({ id: sectionId });
  };
}
