/** Where "report a correction" leads: a prefilled new issue in the project's public tracker (package.json `bugs`). */
export const ISSUE_TRACKER_NEW = 'https://github.com/residency-lens/residency-lens/issues/new';
