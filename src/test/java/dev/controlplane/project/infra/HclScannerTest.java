package dev.controlplane.project.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class HclScannerTest {

    private static List<String> blockNames(HclScanner.Result result) {
        return result.blocks().stream().map(b -> b.type() + (b.labels().isEmpty() ? "" : " " + String.join(".", b.labels())))
                .toList();
    }

    @Test
    void commentsOfEveryKindHideBlocks() {
        HclScanner.Result result = HclScanner.scan("""
                # resource "a" "hash" {
                // resource "a" "slashes" {
                /* resource "a" "block" {
                   } */
                resource "a" "real" {}
                """);
        assertEquals(List.of("resource a.real"), blockNames(result));
        assertEquals(List.of(), result.problems());
    }

    @Test
    void bracesInsideStringsAndTemplatesAreNotStructure() {
        HclScanner.Result result = HclScanner.scan("""
                locals {
                  a = "{"
                  b = "}}"
                  c = "${x == "}" ? "{" : "}"}"
                  d = "$${literal} \\" } \\""
                  e = "https://example.com/#x" // comment {
                }
                resource "t" "after" {}
                """);
        assertEquals(List.of("locals", "resource t.after"), blockNames(result));
        HclScanner.Block locals = result.blocks().get(0);
        assertEquals("{", locals.string("a"));
        assertEquals("}}", locals.string("b"));
        assertNull(locals.attributes().get("c").string(), "an interpolated string has no literal value");
        assertEquals("${literal} \" } \"", locals.string("d"));
        assertEquals("https://example.com/#x", locals.string("e"));
        assertEquals(List.of(), result.problems());
    }

    @Test
    void heredocsAreSkippedWholeIncludingIndentedMarkers() {
        HclScanner.Result result = HclScanner.scan("""
                resource "t" "a" {
                  body = <<EOT
                resource "fake" "x" {
                EOT
                  script = <<-SH
                    echo "}"
                    SH
                }
                resource "t" "b" { name = "b" }
                """);
        assertEquals(List.of("resource t.a", "resource t.b"), blockNames(result));
        assertEquals("b", result.blocks().get(1).string("name"));
        assertEquals(List.of(), result.problems());
    }

    @Test
    void nestedBlocksAndObjectAttributes() {
        HclScanner.Result result = HclScanner.scan("""
                terraform {
                  required_providers {
                    aws = {
                      source  = "hashicorp/aws"
                      version = "~> 5.0"
                    }
                    google = { source = "hashicorp/google" }
                    legacy = "~> 1.0"
                  }
                  backend "gcs" {
                    bucket = "state"
                  }
                }
                """);
        HclScanner.Block terraform = result.blocks().get(0);
        HclScanner.Block required = terraform.blocks().get(0);
        assertEquals(Map.of("source", "hashicorp/aws", "version", "~> 5.0"), required.attributes().get("aws").object());
        assertEquals(Map.of("source", "hashicorp/google"), required.attributes().get("google").object());
        assertEquals("~> 1.0", required.string("legacy"));
        assertEquals("gcs", terraform.blocks().get(1).label(0));
        assertEquals("state", terraform.blocks().get(1).string("bucket"));
    }

    @Test
    void expressionsSpanningLinesInBracketsDoNotEndTheAttribute() {
        HclScanner.Result result = HclScanner.scan("""
                resource "t" "a" {
                  list = [
                    "x",
                    { y = "}" },
                  ]
                  map = { for k, v in var.m : k => v }
                  cond = var.a == "b" ? "c" : "d"
                }
                resource "t" "b" {}
                """);
        assertEquals(List.of("resource t.a", "resource t.b"), blockNames(result));
        assertEquals(List.of(), result.problems());
    }

    @Test
    void malformedInputIsReportedNotThrown() {
        assertTrue(HclScanner.scan("resource \"t\" \"a\" {\n").problems().get(0).contains("not closed"));
        assertTrue(HclScanner.scan("}\n").problems().get(0).contains("unexpected }"));
        assertTrue(HclScanner.scan("a = \"open\nb = 1\n").problems().get(0).contains("unterminated string"));
        assertTrue(HclScanner.scan("/* open").problems().get(0).contains("unterminated /* comment"));
        HclScanner.Result heredoc = HclScanner.scan("a = <<EOT\nnever closed\n");
        assertTrue(heredoc.problems().get(0).contains("unterminated heredoc <<EOT"));

        // After an unterminated string the scan goes on with the next line.
        HclScanner.Result recovered = HclScanner.scan("locals {\n  a = \"open\n}\nresource \"t\" \"b\" {}\n");
        assertEquals(List.of("locals", "resource t.b"), blockNames(recovered));
    }

    @Test
    void labelsMayBeIdentifiersAndBlocksOneLine() {
        HclScanner.Result result = HclScanner.scan("resource aws_vpc main { cidr_block = \"10.0.0.0/16\" }\n");
        assertEquals(List.of("resource aws_vpc.main"), blockNames(result));
        assertEquals("10.0.0.0/16", result.blocks().get(0).string("cidr_block"));
    }

    @Test
    void hostileNestingIsCutOffInsteadOfOverflowingTheStack() {
        HclScanner.Result blocks = HclScanner.scan("x {\n".repeat(10_000));
        assertTrue(blocks.problems().contains("line " + (HclScanner.MAX_NESTING + 1) + ": blocks nested deeper than "
                + HclScanner.MAX_NESTING + " levels are not scanned"), blocks.problems().toString());

        HclScanner.Result objects = HclScanner.scan("a = " + "{ b = ".repeat(10_000));
        assertEquals(List.of("unbalanced braces: an object is not closed at the end of the file"), objects.problems());

        HclScanner.Result templates = HclScanner.scan("a = \"" + "${\"".repeat(10_000) + "\n");
        assertEquals(List.of("line 1: templates nested deeper than " + HclScanner.MAX_NESTING + " levels",
                "line 1: unterminated string"), templates.problems());
    }

    @Test
    void anUnclosedTemplateGivesUpAfterAFewLines() {
        // Templates may span lines, so without a limit this would rescan the rest of the file from every line.
        String text = "a = \"${\n" + "\n".repeat(HclScanner.MAX_TEMPLATE_LINES + 5) + "}\"\nresource \"t\" \"b\" {}\n";
        HclScanner.Result result = HclScanner.scan(text);
        assertEquals("line 1: unterminated string", result.problems().get(0));
        // The too-late closing `}"` is then a stray brace and an opening quote: reported, and the scan goes on.
        assertEquals(List.of("line 1: unterminated string", "line 107: unterminated string",
                "line 107: unbalanced braces: unexpected }"), result.problems());
        assertEquals(List.of("resource t.b"), blockNames(result));
    }
}
