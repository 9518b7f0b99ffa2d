/** The HTTP addresses clients use for an import's files, under the service's public URL. */
export class ImportLinks {
  private base: string;

  constructor(publicUrl: string) {
    this.base = publicUrl.replace(/\/+$/, '');
  }

  /** Without a configured public URL, links point at the address the service listens on. */
  listeningAt(url: string): void {
    if (!this.base) this.base = url.replace(/\/+$/, '');
  }

  upload(importId: string): string {
    return `${this.base}/imports/${importId}/file`;
  }

  errorReport(importId: string): string {
    return `${this.base}/imports/${importId}/errors.csv`;
  }

  chatReport(importId: string): string {
    return `${this.base}/imports/${importId}/report.csv`;
  }

  exportArchive(exportId: string): string {
    return `${this.base}/exports/${exportId}/archive`;
  }

  template(orgId: string): string {
    return `${this.base}/imports/template.csv?organizationId=${encodeURIComponent(orgId)}`;
  }
}
