import net from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { createAudit } from "~/audits/audits.server";
import { uploadEvidence } from "~/evidence/evidence.server";
import { createStatement, generateStatementPdf } from "~/statements/statements.server";
import { createOrg, insertSupplier, type TestOrg } from "../../test/factories";
import { connectStorage } from "./boot.server";
import { resetEnv } from "./env.server";
import { putObject, StorageUnavailableError } from "./storage.server";

/** A server that accepts connections and never answers: the probe's "slow S3". */
let silent: net.Server;
let silentPort: number;
const sockets: net.Socket[] = [];
let org: TestOrg;

beforeAll(async () => {
  silent = net.createServer((socket) => sockets.push(socket));
  await new Promise<void>((r) => silent.listen(0, "127.0.0.1", r));
  silentPort = (silent.address() as net.AddressInfo).port;
  org = await createOrg();
});

afterAll(async () => {
  for (const s of sockets) s.destroy();
  await new Promise((r) => silent.close(r));
});

const saved = { ...process.env };
function pointS3At(endpoint: string) {
  process.env.S3_ENDPOINT = endpoint;
  process.env.S3_TIMEOUT_MS = "300";
  resetEnv();
}
afterEach(() => {
  process.env.S3_ENDPOINT = saved.S3_ENDPOINT;
  process.env.S3_TIMEOUT_MS = saved.S3_TIMEOUT_MS;
  resetEnv();
});

async function closedPort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((r) => probe.listen(0, "127.0.0.1", r));
  const port = (probe.address() as net.AddressInfo).port;
  await new Promise((r) => probe.close(r));
  return port;
}

describe("an S3 that accepts connections and never answers", () => {
  // The probe's defect: evidence upload and statement PDF got no response after 580 s, because the
  // SDK's request timeout only warns unless throwOnRequestTimeout is set.
  it("fails a put within seconds with a clear storage error, not a hang", async () => {
    pointS3At(`http://127.0.0.1:${silentPort}`);
    const started = Date.now();
    await expect(
      putObject({ key: "org/x/y", body: Buffer.from("x"), contentType: "text/plain" }),
    ).rejects.toBeInstanceOf(StorageUnavailableError);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it("fails an evidence upload and a statement PDF within seconds (the routes answer 503)", async () => {
    const supplier = insertSupplier(org.id);
    const audit = createAudit(org.members.auditor.ctx, {
      supplierId: supplier.id,
      scheme: "SMETA",
      auditDate: "2026-01-15",
      siteId: "new",
      newSiteName: "Site",
      newSiteCountry: "VN",
      summary: "Summary",
    });
    const statement = createStatement(org.members.executive.ctx, {
      periodStart: "2025-01-01",
      periodEnd: "2025-12-31",
    });
    pointS3At(`http://127.0.0.1:${silentPort}`);
    const started = Date.now();
    await expect(
      uploadEvidence(org.members.auditor.ctx, {
        auditId: audit.id,
        file: new File([Buffer.from("%PDF-1.4\n%%EOF\n")], "r.pdf"),
      }),
    ).rejects.toBeInstanceOf(StorageUnavailableError);
    await expect(generateStatementPdf(org.members.executive.ctx, statement.id)).rejects.toBeInstanceOf(
      StorageUnavailableError,
    );
    expect(Date.now() - started).toBeLessThan(10_000);
  }, 20_000);
});

describe("S3 unreachable at start", () => {
  // The probe's defect: the process died with a raw ECONNREFUSED stack.
  it("is logged in one clear line and retried until it answers, without throwing", async () => {
    pointS3At(`http://127.0.0.1:${await closedPort()}`);
    const lines: string[] = [];
    const storage = await connectStorage({ log: (l) => lines.push(l), retryMs: 50 });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /File storage \(S3 at http:\/\/127\.0\.0\.1:\d+\) is unreachable: .*ECONNREFUSED/,
    );
    expect(lines[0]).toMatch(/everything else works/);
    // S3 comes back: the next attempt finds (or creates) the bucket.
    pointS3At(inject("s3Endpoint"));
    await storage.ready;
    expect(lines[1]).toMatch(/reachable again/);
    storage.stop();
  });
});
