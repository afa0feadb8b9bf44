import { describe, expect, it } from "vitest";
import { absoluteUrl, breadcrumbListJsonLd, jsonLdScript, organizationJsonLd, pageMeta } from "../../src/render/seo.js";
import { siteSettings } from "../../src/core/settings.js";
import type { PageEntry } from "../../src/core/types.js";

const site = siteSettings({ SITE_URL: "https://nlc.example.gov.uk/" });
const pages: PageEntry[] = [
  { url: "/", data: { title: "National Leadership Centre", navtitle: "Home" } },
  { url: "/news/", data: { title: "News" } },
  { url: "/news/a-post/", data: { title: "A post </script><script>alert(1)</script>" } },
];

describe("absoluteUrl", () => {
  it("puts a site path on the site's address, once", () => {
    expect(absoluteUrl("/news/", site.url)).toBe("https://nlc.example.gov.uk/news/");
    expect(absoluteUrl("/", "https://nlc.example.gov.uk/")).toBe("https://nlc.example.gov.uk/");
    expect(absoluteUrl("https://vimeo.com/1", site.url)).toBe("https://vimeo.com/1");
  });
});

describe("pageMeta", () => {
  it("names the page, its description and canonical address; the home page by the site's name", () => {
    expect(pageMeta(site, "/contact/", "Contact us", " How to contact us. ", ["nav"])).toEqual({
      title: "Contact us",
      description: "How to contact us.",
      canonical: "https://nlc.example.gov.uk/contact/",
      type: "website",
      image: {
        url: "https://nlc.example.gov.uk/brand/share.png",
        width: 1200,
        height: 630,
        alt: "National Leadership Centre: the wordmark, white on slate",
      },
    });
    expect(pageMeta(site, "/", "Anything", "", "nav").title).toBe("National Leadership Centre");
  });

  it("calls news posts articles", () => {
    expect(pageMeta(site, "/news/a-post/", "A post", "", ["posts"]).type).toBe("article");
    expect(pageMeta(site, "/news/a-post/", "A post", "", "posts").type).toBe("article");
  });
});

describe("JSON-LD", () => {
  it("describes the organisation on the home page", () => {
    expect(organizationJsonLd(site)).toEqual({
      "@context": "https://schema.org",
      "@type": "Organization",
      name: "National Leadership Centre",
      url: "https://nlc.example.gov.uk/",
    });
    const script = jsonLdScript(pages, "/", site);
    expect(JSON.parse(script.replace(/^<script type="application\/ld\+json">|<\/script>$/g, ""))["@type"]).toBe(
      "Organization",
    );
  });

  it("gives deeper pages their breadcrumb trail with absolute addresses", () => {
    expect(breadcrumbListJsonLd(pages, "/news/", site)).toEqual({
      "@context": "https://schema.org",
      "@type": "BreadcrumbList",
      itemListElement: [
        { "@type": "ListItem", position: 1, name: "Home", item: "https://nlc.example.gov.uk/" },
        { "@type": "ListItem", position: 2, name: "News", item: "https://nlc.example.gov.uk/news/" },
      ],
    });
  });

  it("cannot be broken out of by a title", () => {
    const script = jsonLdScript(pages, "/news/a-post/", site);
    expect(script.match(/<\/script>/g)).toHaveLength(1);
    const json = JSON.parse(script.slice(script.indexOf(">") + 1, -"</script>".length));
    expect(json.itemListElement[2].name).toBe("A post </script><script>alert(1)</script>");
  });

  it("is empty where there is nothing to say", () => {
    expect(jsonLdScript(pages, "/not-a-page/", site)).toBe("");
    expect(jsonLdScript(pages, false, site)).toBe("");
  });
});
