import jsep from "jsep";
import { invalid } from "./errors";
import { addRatio, compareRatio, divideRatio, isZeroRatio, makeRatio, multiplyRatio, ONE, parseDecimal, type Ratio, subtractRatio, ZERO } from "./ratio";
import { divideRounded } from "./rounding";

// Pay formulas: arithmetic, comparisons, `a ? b : c` and a few functions over named amounts,
// e.g. `min(BASE * 0.1, 500) + (PAID_DAYS < 10 ? 0 : 25)`. jsep only parses; this file walks
// the tree itself and accepts a short whitelist of node types, so a formula can name nothing
// but the variables it is given (no properties, strings, `this`, arrays or other functions) and
// every value is an exact fraction. Amounts are in major units (pounds, not pence).
export type Formula = { readonly text: string; readonly root: Node; readonly references: ReadonlySet<string> };

type Node =
  | { kind: "number"; value: Ratio }
  | { kind: "name"; name: string }
  | { kind: "unary"; operator: "-" | "+" | "!"; argument: Node }
  | { kind: "binary"; operator: BinaryOperator; left: Node; right: Node }
  | { kind: "if"; test: Node; then: Node; otherwise: Node }
  | { kind: "call"; name: FunctionName; args: Node[] };

const BINARY = ["+", "-", "*", "/", "<", "<=", ">", ">=", "==", "!=", "&&", "||"] as const;
type BinaryOperator = (typeof BINARY)[number];
const FUNCTIONS = { min: [1, 20], max: [1, 20], abs: [1, 1], floor: [1, 1], ceil: [1, 1], round: [1, 2] } as const;
type FunctionName = keyof typeof FUNCTIONS;

const MAX_LENGTH = 500;
const MAX_DEPTH = 40;

function toNode(expression: jsep.Expression, path: string, depth: number): Node {
  if (depth > MAX_DEPTH) throw invalid(path, "The formula is nested too deeply.");
  switch (expression.type) {
    case "Literal": {
      const literal = expression as jsep.Literal;
      if (typeof literal.value !== "number") throw invalid(path, `Only numbers may be written in a formula (found ${literal.raw}).`);
      return { kind: "number", value: parseDecimal(literal.raw) };
    }
    case "Identifier":
      return { kind: "name", name: (expression as jsep.Identifier).name };
    case "UnaryExpression": {
      const unary = expression as jsep.UnaryExpression;
      if (unary.operator !== "-" && unary.operator !== "+" && unary.operator !== "!")
        throw invalid(path, `The operator "${unary.operator}" is not allowed in a formula.`);
      return { kind: "unary", operator: unary.operator, argument: toNode(unary.argument, path, depth + 1) };
    }
    case "BinaryExpression": {
      const binary = expression as jsep.BinaryExpression;
      if (!(BINARY as readonly string[]).includes(binary.operator)) throw invalid(path, `The operator "${binary.operator}" is not allowed in a formula.`);
      return {
        kind: "binary",
        operator: binary.operator as BinaryOperator,
        left: toNode(binary.left, path, depth + 1),
        right: toNode(binary.right, path, depth + 1),
      };
    }
    case "ConditionalExpression": {
      const conditional = expression as jsep.ConditionalExpression;
      return {
        kind: "if",
        test: toNode(conditional.test, path, depth + 1),
        then: toNode(conditional.consequent, path, depth + 1),
        otherwise: toNode(conditional.alternate, path, depth + 1),
      };
    }
    case "CallExpression": {
      const call = expression as jsep.CallExpression;
      const name = call.callee.type === "Identifier" ? (call.callee as jsep.Identifier).name : null;
      if (name === null || !Object.hasOwn(FUNCTIONS, name))
        throw invalid(path, `Only these functions may be called in a formula: ${Object.keys(FUNCTIONS).join(", ")}.`);
      const [fewest, most] = FUNCTIONS[name as FunctionName];
      if (call.arguments.length < fewest || call.arguments.length > most)
        throw invalid(path, `${name}() takes ${fewest === most ? fewest : `${fewest} to ${most}`} arguments.`);
      return { kind: "call", name: name as FunctionName, args: call.arguments.map((argument) => toNode(argument, path, depth + 1)) };
    }
    default:
      throw invalid(
        path,
        `A formula may not use ${expression.type === "MemberExpression" ? "properties (a.b or a[b])" : expression.type === "ThisExpression" ? "this" : `a ${expression.type}`}: only numbers, names, operators and ${Object.keys(FUNCTIONS).join("/")}.`,
      );
  }
}

function collectNames(node: Node, names: Set<string>): void {
  if (node.kind === "name") names.add(node.name);
  else if (node.kind === "unary") collectNames(node.argument, names);
  else if (node.kind === "binary") [node.left, node.right].forEach((child) => collectNames(child, names));
  else if (node.kind === "if") [node.test, node.then, node.otherwise].forEach((child) => collectNames(child, names));
  else if (node.kind === "call") node.args.forEach((child) => collectNames(child, names));
}

export function parseFormula(text: string, path = "formula"): Formula {
  if (text.length > MAX_LENGTH) throw invalid(path, `A formula may be at most ${MAX_LENGTH} characters.`);
  let parsed: jsep.Expression;
  try {
    parsed = jsep(text);
  } catch (error) {
    throw invalid(path, `The formula cannot be read: ${(error as Error).message}.`);
  }
  if (parsed.type === "Compound" || parsed.type === "SequenceExpression") throw invalid(path, "A formula is one expression.");
  const root = toNode(parsed, path, 0);
  const references = new Set<string>();
  collectNames(root, references);
  return { text, root, references };
}

const truth = (value: boolean): Ratio => (value ? ONE : ZERO);

function roundToPlaces(value: Ratio, places: Ratio, path: string): Ratio {
  if (places.d !== 1n || places.n < 0n || places.n > 6n) throw invalid(path, "round(x, places) takes 0 to 6 places.");
  const scale = 10n ** places.n;
  return makeRatio(divideRounded(value.n * scale, value.d, "HALF_UP"), scale);
}

function evaluateNode(node: Node, scope: ReadonlyMap<string, Ratio>, path: string): Ratio {
  switch (node.kind) {
    case "number":
      return node.value;
    case "name": {
      const value = scope.get(node.name);
      if (value === undefined) throw invalid(path, `The formula refers to ${node.name}, which has no value here.`);
      return value;
    }
    case "unary": {
      const value = evaluateNode(node.argument, scope, path);
      return node.operator === "-" ? { n: -value.n, d: value.d } : node.operator === "!" ? truth(isZeroRatio(value)) : value;
    }
    case "if":
      return isZeroRatio(evaluateNode(node.test, scope, path)) ? evaluateNode(node.otherwise, scope, path) : evaluateNode(node.then, scope, path);
    case "call": {
      const args = node.args.map((arg) => evaluateNode(arg, scope, path));
      switch (node.name) {
        case "min":
          return args.reduce((a, b) => (compareRatio(a, b) <= 0 ? a : b));
        case "max":
          return args.reduce((a, b) => (compareRatio(a, b) >= 0 ? a : b));
        case "abs":
          return args[0].n < 0n ? { n: -args[0].n, d: args[0].d } : args[0];
        case "floor":
          return makeRatio(divideRounded(args[0].n, args[0].d, "FLOOR"));
        case "ceil":
          return makeRatio(divideRounded(args[0].n, args[0].d, "CEILING"));
        case "round":
          return roundToPlaces(args[0], args[1] ?? ZERO, path);
      }
    }
  }
  const { operator } = node;
  if (operator === "&&") return isZeroRatio(evaluateNode(node.left, scope, path)) ? ZERO : truth(!isZeroRatio(evaluateNode(node.right, scope, path)));
  if (operator === "||") return !isZeroRatio(evaluateNode(node.left, scope, path)) ? ONE : truth(!isZeroRatio(evaluateNode(node.right, scope, path)));
  const left = evaluateNode(node.left, scope, path);
  const right = evaluateNode(node.right, scope, path);
  switch (operator) {
    case "+":
      return addRatio(left, right);
    case "-":
      return subtractRatio(left, right);
    case "*":
      return multiplyRatio(left, right);
    case "/":
      if (isZeroRatio(right)) throw invalid(path, "The formula divides by zero.");
      return divideRatio(left, right);
    case "<":
      return truth(compareRatio(left, right) < 0);
    case "<=":
      return truth(compareRatio(left, right) <= 0);
    case ">":
      return truth(compareRatio(left, right) > 0);
    case ">=":
      return truth(compareRatio(left, right) >= 0);
    case "==":
      return truth(compareRatio(left, right) === 0);
    case "!=":
      return truth(compareRatio(left, right) !== 0);
  }
}

// Values come from a Map, never an object, so a name like `constructor` finds nothing.
export function evaluateFormula(formula: Formula, scope: ReadonlyMap<string, Ratio>, path = "formula"): Ratio {
  return evaluateNode(formula.root, scope, path);
}
