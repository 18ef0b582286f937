#!/usr/bin/env python3
"""The registry's benchmark figures (see scripts/bench).

Template synthesis: a 300-route HTTP API whose routes go to 10 Lambda functions (AWS's route quota;
CDK refuses this API), its template fetched repeatedly. The server reports in `Server-Timing` how long
it spent reading the snapshot and synthesizing; the client measures the whole request on loopback.
"""
import argparse, http.client, json, os, re, statistics, subprocess, sys, tempfile, time


def start(binary: str, workdir: str):
    process = subprocess.Popen([binary, "serve", "--port", "0", "--db", os.path.join(workdir, "bench.sqlite")],
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    line = process.stdout.readline()
    match = re.search(r"http://[^:]+:(\d+)", line)
    if not match:
        process.kill()
        raise SystemExit("server did not start: " + line)
    return process, int(match.group(1))


def call(connection, method, path, body=None):
    connection.request(method, path, body=json.dumps(body) if body is not None else None,
                       headers={"Content-Type": "application/json"})
    response = connection.getresponse()
    data = response.read()
    if response.status >= 300:
        raise SystemExit(f"{method} {path}: {response.status} {data[:200]!r}")
    return response, data


def seed_big_api(connection, routes=300, functions=10):
    _, data = call(connection, "POST", "/v2/apis", {"name": "bench-300", "protocolType": "HTTP"})
    api = json.loads(data)["apiId"]
    targets = []
    for n in range(functions):
        _, data = call(connection, "POST", f"/v2/apis/{api}/integrations", {
            "integrationType": "AWS_PROXY", "payloadFormatVersion": "2.0",
            "integrationUri": f"arn:aws:lambda:us-east-1:123456789012:function:svc{n}"})
        targets.append(json.loads(data)["integrationId"])
    for n in range(routes):
        call(connection, "POST", f"/v2/apis/{api}/routes",
             {"routeKey": f"GET /svc{n % functions}/item{n}", "target": "integrations/" + targets[n % functions]})
    call(connection, "POST", f"/v2/apis/{api}/stages", {"stageName": "$default", "autoDeploy": True})
    return api


def timings(header: str) -> dict:
    return {name: float(value) for name, value in re.findall(r"(\w+);dur=([0-9.]+)", header)}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("--requests", type=int, default=300)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as workdir:
        process, port = start(args.binary, workdir)
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port)
            api = seed_big_api(connection)
            rows = []
            resources = None
            for fmt in ("json", "yaml"):
                server_synth, server_total, client_total = [], [], []
                for _ in range(args.requests):
                    started = time.perf_counter()
                    response, data = call(connection, "GET", f"/v2/apis/{api}/template?format={fmt}")
                    client_total.append((time.perf_counter() - started) * 1000)
                    parts = timings(response.getheader("Server-Timing", ""))
                    server_synth.append(parts["synth"])
                    server_total.append(parts["snapshot"] + parts["synth"])
                    if fmt == "json" and resources is None:
                        resources = len(json.loads(data)["Resources"])
                rows.append((f"300-route template ({fmt})", statistics.median(server_synth),
                             statistics.median(server_total), statistics.median(client_total)))
        finally:
            process.terminate()
            process.wait(timeout=10)
    print(f"{'figure':32} {'synth ms':>10} {'server ms':>10} {'client ms':>10}   (medians of {args.requests})")
    for name, synth, server, client in rows:
        print(f"{name:32} {synth:10.3f} {server:10.3f} {client:10.3f}")
    print(f"300-route template resources: {resources} (CloudFormation's limit: 500; CDK makes 612)")
    target = 5.0
    worst = max(server for _, _, server, _ in rows)
    print(f"target: server-side under {target} ms -> {'met' if worst < target else 'MISSED'} "
          f"({worst:.3f} ms, {target / worst:.1f}x headroom)")
    return 0 if worst < target else 1


if __name__ == "__main__":
    sys.exit(main())
