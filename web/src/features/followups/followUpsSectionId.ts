/** The profile's follow-ups section, for links and jumps. */
export const followUpsSectionId = 'profile-follow-ups';
