import { makeRng } from "../../src/core/random.ts";

/**
 * Seeded CSV tables shaped like the two real tables the ladder is compared on, which this
 * project does not ship: lending_club (R package modeldata: 9,857 loans, 17 numeric columns, 5
 * categorical ones of 2 to 50 levels, ~5% bad) and wa_churn (IBM's telco churn, 7,043 customers:
 * tenure and charges, 15 yes/no and few-level categories, 26.5% churn). Same shapes, kinds,
 * level counts, missing values and class balance; the label depends on a few columns and noise.
 */
export interface PeerTable {
  name: string;
  csv: string;
  target: string;
  rows: number;
}

type Rng = ReturnType<typeof makeRng>;

const normalOf = (rng: Rng) => () =>
  Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());

/** A level drawn with Zipf-like frequencies, shifted by `z` (a latent factor). */
function level(rng: Rng, levels: number, z: number): number {
  const u = Math.min(0.999999, Math.abs(rng.next() ** 1.6 + 0.08 * z) % 1);
  return Math.floor(u * levels);
}

const STATES = Array.from({ length: 50 }, (_, i) => `S${String.fromCharCode(65 + (i % 26))}${i}`);
const GRADES = Array.from(
  { length: 35 },
  (_, i) => `${String.fromCharCode(65 + Math.floor(i / 5))}${(i % 5) + 1}`,
);
const EMP = ["emp_lt_1", ...Array.from({ length: 10 }, (_, i) => `emp_${i + 1}`), "emp_unk"];

export function lendingClubLike(seed = 1): PeerTable {
  const rows = 9_857;
  const rng = makeRng(seed);
  const normal = normalOf(rng);
  const numeric = [
    "funded_amnt",
    "int_rate",
    "annual_inc",
    "delinq_2yrs",
    "inq_last_6mths",
    "revol_util",
    "acc_now_delinq",
    "open_il_6m",
    "open_il_12m",
    "open_il_24m",
    "total_bal_il",
    "all_util",
    "inq_fi",
    "inq_last_12m",
    "delinq_amnt",
    "num_il_tl",
    "total_il_high_credit_limit",
  ];
  const header = [
    ...numeric,
    "term",
    "sub_grade",
    "addr_state",
    "verification_status",
    "emp_length",
    "Class",
  ];
  const lines = [header.join(",")];
  for (let r = 0; r < rows; r++) {
    const risk = normal();
    const wealth = normal();
    const grade = Math.max(0, Math.min(34, Math.round(10 + 6 * risk + 3 * normal())));
    const cells: string[] = [];
    for (let c = 0; c < numeric.length; c++) {
      let v: number;
      if (c === 1) v = 5 + 0.7 * grade + normal();
      else if (c === 2) v = Math.round(Math.exp(11 + 0.5 * wealth + 0.3 * normal()));
      else if (c % 4 === 3) v = rng.next() < 0.85 ? 0 : Math.round(Math.abs(normal() * (1 + risk)) * 2);
      else v = Math.round((50 + 20 * (c % 3 ? wealth : risk) + 15 * normal()) * 100) / 100;
      cells.push(c === 5 && rng.next() < 0.01 ? "" : String(v));
    }
    cells.push(
      rng.next() < 0.3 + 0.1 * risk ? "term_60" : "term_36",
      GRADES[grade],
      STATES[level(rng, 50, wealth)],
      ["Not_Verified", "Source_Verified", "Verified"][level(rng, 3, risk)],
      EMP[level(rng, 12, wealth)],
    );
    const z = -3.4 + 0.9 * risk - 0.4 * wealth + 0.5 * normal();
    cells.push(1 / (1 + Math.exp(-z)) > rng.next() ? "bad" : "good");
    lines.push(cells.join(","));
  }
  return { name: "lending_club-like", csv: `${lines.join("\n")}\n`, target: "Class", rows };
}

export function waChurnLike(seed = 2): PeerTable {
  const rows = 7_043;
  const rng = makeRng(seed);
  const normal = normalOf(rng);
  const yesNo = ["gender", "Partner", "Dependents", "PhoneService", "PaperlessBilling"];
  const three = [
    "MultipleLines",
    "InternetService",
    "OnlineSecurity",
    "OnlineBackup",
    "DeviceProtection",
    "TechSupport",
    "StreamingTV",
    "StreamingMovies",
    "Contract",
  ];
  const header = [
    "tenure",
    "MonthlyCharges",
    "TotalCharges",
    "SeniorCitizen",
    ...yesNo,
    ...three,
    "PaymentMethod",
    "Churn",
  ];
  const lines = [header.join(",")];
  for (let r = 0; r < rows; r++) {
    const loyalty = normal();
    const spend = normal();
    const tenure = Math.max(0, Math.min(72, Math.round(32 + 22 * loyalty + 5 * normal())));
    const monthly = Math.round((65 + 25 * spend + 5 * normal()) * 100) / 100;
    const total = tenure === 0 && rng.next() < 0.7 ? "" : String(Math.round(tenure * monthly * 100) / 100);
    const cells = [String(tenure), String(monthly), total, rng.next() < 0.16 ? "1" : "0"];
    for (let i = 0; i < yesNo.length; i++)
      cells.push(rng.next() < 0.5 + 0.1 * (i % 2 ? loyalty : spend) ? "Yes" : "No");
    const contract = level(rng, 3, loyalty);
    for (let i = 0; i < three.length; i++) {
      const l = i === three.length - 1 ? contract : level(rng, 3, i % 2 ? spend : loyalty);
      cells.push(`${three[i]}_${l}`);
    }
    cells.push(`pay_${level(rng, 4, spend)}`);
    const z = -1.0 - 1.1 * loyalty + 0.5 * spend - 0.6 * contract + 0.6 * normal();
    cells.push(1 / (1 + Math.exp(-z)) > rng.next() ? "Yes" : "No");
    lines.push(cells.join(","));
  }
  return { name: "wa_churn-like", csv: `${lines.join("\n")}\n`, target: "Churn", rows };
}
