/** Column spans shared by the 申报书 steps (one column on phones). */
export const half = { xs: 24, md: 12 };
export const third = { xs: 24, md: 8 };
export const quarter = { xs: 24, sm: 12, lg: 6 };
