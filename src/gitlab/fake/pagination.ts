/**
 * GitLab's offset pagination: `page` and `per_page` (default 20, at most 100), with the `Link`
 * (`prev`/`next`/`first`/`last`) and `x-*` headers. gitbeaker follows `rel="next"`, reusing that
 * URL's query, so every link carries the request's own parameters.
 */

export interface Page<T> {
  items: T[];
  page: number;
  perPage: number;
  total: number;
  totalPages: number;
}

export const DEFAULT_PER_PAGE = 20;
export const MAX_PER_PAGE = 100;

export function pageOf<T>(items: T[], query: URLSearchParams): Page<T> {
  const requested = Number.parseInt(query.get("per_page") ?? "", 10);
  const perPage = requested >= 1 ? Math.min(requested, MAX_PER_PAGE) : DEFAULT_PER_PAGE;
  const asked = Number.parseInt(query.get("page") ?? "", 10);
  const page = Number.isNaN(asked) ? 1 : Math.max(asked, 1);
  const totalPages = Math.max(1, Math.ceil(items.length / perPage));
  return {
    items: items.slice((page - 1) * perPage, page * perPage),
    page,
    perPage,
    total: items.length,
    totalPages,
  };
}

export function pageHeaders<T>(
  page: Page<T>,
  baseUrl: string,
  query: URLSearchParams,
): Record<string, string> {
  const link = (number: number) => {
    const params = new URLSearchParams(query);
    params.set("page", String(number));
    params.set("per_page", String(page.perPage));
    return `${baseUrl}?${params.toString()}`;
  };
  const links: string[] = [];
  if (page.page > 1) links.push(`<${link(Math.min(page.page - 1, page.totalPages))}>; rel="prev"`);
  if (page.page < page.totalPages) links.push(`<${link(page.page + 1)}>; rel="next"`);
  links.push(`<${link(1)}>; rel="first"`, `<${link(page.totalPages)}>; rel="last"`);
  return {
    link: links.join(", "),
    "x-page": String(page.page),
    "x-per-page": String(page.perPage),
    "x-total": String(page.total),
    "x-total-pages": String(page.totalPages),
    "x-next-page": page.page < page.totalPages ? String(page.page + 1) : "",
    "x-prev-page": page.page > 1 ? String(page.page - 1) : "",
  };
}
