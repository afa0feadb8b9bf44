/**
 * Facts about the NLC's 2020 website (the public repository
 * cabinetoffice/national-leadership-centre-website), kept by developers, not
 * editors: every address it answered must still answer here.
 */

/** The other domains its `_redirects` sent to www.nationalleadership.gov.uk; we send them to the live site. */
export const oldDomains: readonly string[] = [
  "https://nationalleadershipcentre.co.uk",
  "https://www.nationalleadershipcentre.co.uk",
  "https://nlc-website.netlify.com",
];

/**
 * Addresses it served: its `pages/` permalinks that have no page of the same
 * address now, and the old addresses its netlify.toml redirected. Each is
 * taken over by a page's `redirect_from` (the nearest page now).
 */
export const oldAddresses: readonly string[] = [
  "/who-we-are/",
  "/who-we-are/board/",
  "/connect/",
  "/the-network/partnerships/",
  "/the-network/awards/",
  "/privacy-network/",
  "/privacy-for-connect/",
  "/privacy-covid19/",
  "/who-we-are/team/",
  "/the-network/sponsorship/",
  "/covid19-library/",
  "/blog/",
  "/contact/person/",
  "/contact/information/",
  "/our-programme/programme-structure.html",
  "/network/",
  "/about/",
  "/about/values/",
  "/about/board/",
  "/about/team/",
  "/programme/",
  "/awards/",
];
