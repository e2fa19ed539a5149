using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChampionPortal.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AuthorityErasure : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "ErasedAtUtc",
                table: "Authorities",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ErasedAtUtc",
                table: "Authorities");
        }
    }
}
